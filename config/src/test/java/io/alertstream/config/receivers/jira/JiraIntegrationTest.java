package io.alertstream.config.receivers.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JiraIntegrationTest {

  private static final String REQUIRED =
      "api_url: 'https://acme.atlassian.net/rest/api/2', project: OPS, issue_type: Bug";

  private static AlertmanagerConfig parse(String global, String entry) throws Exception {
    return new ConfigParser()
        .parse(
            (global.isEmpty() ? "" : "global: " + global + "\n")
                + "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  jira_configs:\n  - "
                + entry
                + "\n");
  }

  private static JiraConfig settings(String global, String entry) throws Exception {
    return parse(global, entry)
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(JiraConfig.class);
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    JiraConfig c = settings("", "{" + REQUIRED + "}");

    assertThat(c.apiUrl().toString()).isEqualTo("https://acme.atlassian.net/rest/api/2");
    assertThat(c.apiType()).isEqualTo("auto");
    assertThat(c.sendResolved()).isTrue();
    assertThat(c.summary())
        .isEqualTo(new JiraConfig.Field("{{ template \"jira.default.summary\" . }}", true));
    assertThat(c.description())
        .isEqualTo(new JiraConfig.Field("{{ template \"jira.default.description\" . }}", true));
    assertThat(c.priority()).isEqualTo("{{ template \"jira.default.priority\" . }}");
    assertThat(c.labels()).isEmpty();
    assertThat(c.reopenTransition()).isEmpty();
    assertThat(c.resolveTransition()).isEmpty();
    assertThat(c.wontFixResolution()).isEmpty();
    assertThat(c.reopenDuration()).isZero();
    assertThat(c.fields()).isEmpty();
  }

  @Test
  void everyKeyIsReadAndTheGlobalUrlIsTheFallback() throws Exception {
    JiraConfig c =
        settings(
            "{jira_api_url: 'https://jira.example/rest/api/2'}",
            "{project: '{{ .CommonLabels.team }}', issue_type: Bug, api_type: datacenter,"
                + " summary: {template: 'S', enable_update: false}, description: D,"
                + " labels: [a, '{{ .Status }}'], priority: P, reopen_transition: Reopen,"
                + " resolve_transition: Close, wont_fix_resolution: \"Won't Fix\","
                + " reopen_duration: 1d, send_resolved: false,"
                + " fields: {customfield_1: '{{ .Status }}', customfield_2: [x, 2],"
                + " customfield_3: {value: v}, customfield_4: 5, customfield_5: null}}");

    assertThat(c.apiUrl().getHost()).isEqualTo("jira.example");
    assertThat(c.apiType()).isEqualTo("datacenter");
    assertThat(c.sendResolved()).isFalse();
    assertThat(c.summary()).isEqualTo(new JiraConfig.Field("S", false));
    assertThat(c.description()).isEqualTo(new JiraConfig.Field("D", true));
    assertThat(c.labels()).containsExactly("a", "{{ .Status }}");
    assertThat(c.priority()).isEqualTo("P");
    assertThat(c.reopenTransition()).isEqualTo("Reopen");
    assertThat(c.resolveTransition()).isEqualTo("Close");
    assertThat(c.wontFixResolution()).isEqualTo("Won't Fix");
    assertThat(c.reopenDuration()).isEqualTo(Duration.ofDays(1));
    assertThat(c.fields())
        .containsEntry("customfield_1", "{{ .Status }}")
        .containsEntry("customfield_2", List.of("x", "2"))
        .containsEntry("customfield_3", Map.of("value", "v"))
        .containsEntry("customfield_4", "5")
        .containsEntry("customfield_5", null);
    assertThat(
            settings("{jira_api_url: 'https://jira.example/'}", "{" + REQUIRED + "}")
                .apiUrl()
                .getHost())
        .isEqualTo("acme.atlassian.net");
  }

  @Test
  void requiredSettingsAreNamed() {
    assertThatThrownBy(() -> parse("", "{api_url: 'https://j.example/', issue_type: Bug}"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("jira_configs[0]")
        .hasMessageContaining("missing project in jira_config");
    assertThatThrownBy(() -> parse("", "{api_url: 'https://j.example/', project: OPS}"))
        .hasMessageContaining("jira_configs[0]")
        .hasMessageContaining("missing issue_type in jira_config");
    assertThatThrownBy(() -> parse("", "{project: OPS, issue_type: Bug}"))
        .hasMessageContaining("jira_configs[0]")
        .hasMessageContaining("no global Jira Cloud URL set");
  }

  @Test
  void badValuesAreRefused() {
    assertThatThrownBy(() -> parse("", "{" + REQUIRED + ", api_type: server}"))
        .hasMessageContaining("jira_configs[0].api_type")
        .hasMessageContaining("unknown api_type on jira_config, must be auto, cloud or datacenter");
    assertThatThrownBy(() -> parse("", "{" + REQUIRED + ", reopen_duration: soon}"))
        .hasMessageContaining("reopen_duration");
    assertThatThrownBy(() -> parse("", "{" + REQUIRED + ", summary: {templat: x}}"))
        .hasMessageContaining("field templat not found");
    assertThatThrownBy(() -> parse("", "{" + REQUIRED + ", custom_fields: {a: b}}"))
        .hasMessageContaining("field custom_fields not found");
    assertThatThrownBy(() -> parse("", "{" + REQUIRED + ", fields: [a]}"))
        .hasMessageContaining("jira_configs[0].fields");
  }

  @Test
  void toStringShowsNoCredentials() throws Exception {
    String text =
        settings(
                "",
                "{" + REQUIRED + ", http_config: {basic_auth: {username: u, password: s3cret}}}")
            .toString();
    assertThat(text).doesNotContain("s3cret").contains("OPS");
  }
}
