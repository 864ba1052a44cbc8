package io.alertstream.config.receivers.opsgenie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsgenieIntegrationTest {

  private static OpsgenieConfig parse(String global, String entry) throws Exception {
    return new ConfigParser()
        .parse(
            (global.isEmpty() ? "" : "global: " + global + "\n")
                + "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  opsgenie_configs:\n  - "
                + entry
                + "\n")
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(OpsgenieConfig.class);
  }

  private static InvalidConfigException refusal(String global, String entry) {
    return (InvalidConfigException)
        org.assertj.core.api.Assertions.catchThrowable(() -> parse(global, entry));
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    OpsgenieConfig og = parse("", "{api_key: k-1}");

    assertThat(og.apiUrl()).isEqualTo(URI.create("https://api.opsgenie.com/"));
    assertThat(og.sendResolved()).isTrue();
    assertThat(og.message()).isEqualTo("{{ template \"opsgenie.default.message\" . }}");
    assertThat(og.description()).isEqualTo("{{ template \"opsgenie.default.description\" . }}");
    assertThat(og.source()).isEqualTo("{{ template \"opsgenie.default.source\" . }}");
    assertThat(og.updateAlerts()).isFalse();
    assertThat(og.tags()).isEmpty();
    assertThat(og.apiKey().value()).isEqualTo("k-1");
  }

  @Test
  void theGlobalKeyAndUrlAreFallbacksAndTheUrlGetsATrailingSlash() throws Exception {
    OpsgenieConfig og =
        parse("{opsgenie_api_key: g-key, opsgenie_api_url: 'https://og.example/api'}", "{}");

    assertThat(og.apiKey().value()).isEqualTo("g-key");
    assertThat(og.apiUrl()).isEqualTo(URI.create("https://og.example/api/"));
    OpsgenieConfig own =
        parse(
            "{opsgenie_api_key: g-key}",
            "{api_key: own, api_url: 'https://eu.og.example/', update_alerts: true}");
    assertThat(own.apiKey().value()).isEqualTo("own");
    assertThat(own.apiUrl()).isEqualTo(URI.create("https://eu.og.example/"));
    assertThat(own.updateAlerts()).isTrue();
  }

  @Test
  void everyFieldIsRead() throws Exception {
    OpsgenieConfig og =
        parse(
            "",
            "{api_key: k, message: m, description: d, source: s, details: {a: '1'}, entity: e,"
                + " responders: [{name: ops, type: Team}], actions: 'x,y', tags: 't1,t2',"
                + " note: n, priority: P1, send_resolved: false}");

    assertThat(og.details()).isEqualTo(Map.of("a", "1"));
    assertThat(og.responders())
        .isEqualTo(List.of(new OpsgenieConfig.Responder("", "ops", "", "Team")));
    assertThat(List.of(og.entity(), og.actions(), og.tags(), og.note(), og.priority()))
        .containsExactly("e", "x,y", "t1,t2", "n", "P1");
    assertThat(og.sendResolved()).isFalse();
  }

  @Test
  void aMissingKeyIsRefusedInAlertmanagersWords() {
    assertThat(refusal("", "{api_url: 'https://og.example/'}"))
        .hasMessageContaining("opsgenie_configs[0]")
        .hasMessageContaining("no global OpsGenie API Key set either inline or in a file");
  }

  @Test
  void keyFilesAreRefused() {
    assertThat(refusal("", "{api_key_file: /etc/key}"))
        .hasMessageContaining("api_key_file")
        .hasMessageContaining("file paths are not allowed");
    assertThat(refusal("", "{api_key: k, api_key_file: /etc/key}"))
        .hasMessageContaining("at most one of api_key & api_key_file must be configured");
    assertThat(refusal("{opsgenie_api_key_file: /etc/key}", "{}"))
        .hasMessageContaining("opsgenie_api_key_file");
  }

  @Test
  void aResponderNeedsAnIdANameOrAUsername() {
    assertThat(refusal("", "{api_key: k, responders: [{type: team}]}"))
        .hasMessageContaining("responders[0]")
        .hasMessageContaining(
            "opsGenieConfig responder {   team} has to have at least one of id, username or name"
                + " specified");
  }

  @Test
  void aResponderTypeMustBeKnownUnlessItIsATemplate() throws Exception {
    assertThat(refusal("", "{api_key: k, responders: [{name: ops, type: squad}]}"))
        .hasMessageContaining("responders[0].type")
        .hasMessageContaining(
            "opsGenieConfig responder { ops  squad} type does not match valid options"
                + " ^(team|teams|user|escalation|schedule)$");
    assertThat(parse("", "{api_key: k, responders: [{name: ops, type: SCHEDULE}]}").responders())
        .hasSize(1);
    assertThat(
            parse("", "{api_key: k, responders: [{name: ops, type: '{{ .CommonLabels.t }}'}]}")
                .responders())
        .hasSize(1);
    assertThat(refusal("", "{api_key: k, responders: [{name: ops, type: '{{ .x '}]}"))
        .hasMessageContaining("type contains invalid template syntax");
  }

  @Test
  void unknownFieldsAndBadUrlsAreRefused() {
    assertThat(refusal("", "{api_key: k, visible_to: [x]}"))
        .hasMessageContaining("field visible_to not found");
    assertThat(refusal("", "{api_key: k, api_url: 'ftp://og.example/'}"))
        .hasMessageContaining("api_url")
        .hasMessageContaining("unsupported scheme");
  }

  @Test
  void toStringHidesTheKey() throws Exception {
    OpsgenieConfig og = parse("", "{api_key: s3cret-key, api_url: 'https://og.example/?t=tok'}");

    assertThat(og.toString()).doesNotContain("s3cret-key").doesNotContain("tok");
  }

  @Test
  void trailingSlashKeepsTheQuery() {
    assertThat(
            io.alertstream.config.receivers.ReceiverParser.withTrailingSlash(
                URI.create("https://h:8443/a?x=1")))
        .isEqualTo(URI.create("https://h:8443/a/?x=1"));
  }

  @Test
  void aMisspelledGlobalKeyIsRefused() {
    assertThatThrownBy(() -> parse("{opsgenie_api_keyz: k}", "{api_key: k}"))
        .hasMessageContaining("opsgenie_api_keyz");
  }
}
