package io.alertstream.connectors.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.SlackConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.TenantTemplates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackNotifierTest {

  private static JsonNode body(String slackSettings, String alertname) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x, group_by: [alertname]}\nreceivers:\n- name: team-x\n  slack_configs:\n  - "
                    + slackSettings
                    + "\n");
    var n =
        TestNotifications.of(
            "slack",
            Map.of("alertname", alertname),
            Map.of("alertname", alertname),
            List.of(TestNotifications.alert(Map.of("alertname", alertname), Map.of(), true)));
    var post =
        (Outbound.HttpCall)
            new SlackNotifier()
                .prepare(
                    n,
                    TestNotifications.settings(config, "slack", SlackConfig.class),
                    TenantTemplates.DEFAULTS)
                .request();
    return new ObjectMapper().readTree(post.body());
  }

  @Test
  void emptySettingsAreLeftOutAsAlertmanagerLeavesThemOut() throws Exception {
    JsonNode body = body("{api_url: 'https://hooks.example/x'}", "DiskFull");

    assertThat(body.has("channel")).isFalse();
    assertThat(body.has("link_names")).isFalse();
    JsonNode attachment = body.path("attachments").get(0);
    assertThat(attachment.has("pretext")).isFalse();
    assertThat(attachment.has("fields")).isFalse();
    assertThat(attachment.path("text").isTextual()).isTrue();
    assertThat(attachment.path("callback_id").isTextual()).isTrue();
  }

  @Test
  void messageTextIsTheTopLevelTextAndIsLeftOutWhenEmpty() throws Exception {
    JsonNode with =
        body(
            "{api_url: 'https://hooks.example/x', message_text: '{{ .CommonLabels.alertname }}"
                + " fires'}",
            "DiskFull");
    JsonNode without = body("{api_url: 'https://hooks.example/x'}", "DiskFull");

    assertThat(with.path("text").asText()).isEqualTo("DiskFull fires");
    assertThat(without.has("text")).isFalse();
  }

  @Test
  void aLongTitleIsCutTo1024CharactersEndingInAnEllipsis() throws Exception {
    JsonNode body = body("{api_url: 'https://hooks.example/x'}", "X".repeat(2000));

    String title = body.path("attachments").get(0).path("title").asText();
    assertThat(title.codePointCount(0, title.length())).isEqualTo(1024);
    assertThat(title).endsWith("X…");
  }

  @Test
  void fieldsTakeShortFieldsAndActionsWithAUrlDropTheirName() throws Exception {
    JsonNode attachment =
        body(
                "{api_url: 'https://hooks.example/x', short_fields: true, link_names: true,"
                    + " fields: [{title: A, value: '{{ .Status }}'}, {title: B, value: b, short: false}],"
                    + " actions: [{type: button, text: Go, url: 'http://x/', name: n}]}",
                "DiskFull")
            .path("attachments")
            .get(0);

    assertThat(attachment.path("fields").toString())
        .isEqualTo(
            "[{\"title\":\"A\",\"value\":\"firing\",\"short\":true},{\"title\":\"B\",\"value\":\"b\",\"short\":false}]");
    assertThat(attachment.path("actions").toString())
        .isEqualTo("[{\"type\":\"button\",\"text\":\"Go\",\"url\":\"http://x/\"}]");
  }

  @Test
  void theWebApisOkFalseIsAFailure() {
    assertThat(SlackNotifier.checkAnswer(200, "{\"ok\":false,\"error\":\"invalid_auth\"}"))
        .isInstanceOfSatisfying(
            AttemptResult.Failed.class, f -> assertThat(f.reason()).contains("invalid_auth"));
    assertThat(SlackNotifier.checkAnswer(200, "{\"ok\":true}")).isNull();
    assertThat(SlackNotifier.checkAnswer(200, "ok")).isNull();
  }

  @Test
  void theDefaultFieldsGoThroughTheNamedTemplatesATenantMayDefine() throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  slack_configs:\n"
                    + "  - {api_url: 'https://hooks.example/x'}\n");
    var n = TestNotifications.diskFull("slack");
    var tenant = TestNotifications.overridingBuiltIns();

    var post =
        (Outbound.HttpCall)
            new SlackNotifier()
                .prepare(n, TestNotifications.settings(config, "slack", SlackConfig.class), tenant)
                .request();

    JsonNode body = new ObjectMapper().readTree(post.body());
    JsonNode attachment = body.path("attachments").get(0);
    assertThat(body.path("username").asText()).isEqualTo("Team AM");
    assertThat(attachment.path("title").asText()).isEqualTo("S:DiskFull");
    assertThat(attachment.path("title_link").asText()).isEqualTo("https://am.team.example");
    assertThat(attachment.path("fallback").asText())
        .isEqualTo("S:DiskFull | https://am.team.example");
  }
}
