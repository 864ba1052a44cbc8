package io.alertstream.connectors.mattermost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.mattermost.MattermostConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MattermostNotifierTest {

  private static final String LINK = "http://alertstream:9093/#/alerts?receiver=team-x";

  private static Outbound.HttpCall prepare(String settings, Notification n) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  mattermost_configs:\n  - "
                    + settings
                    + "\n");
    return (Outbound.HttpCall)
        new MattermostNotifier()
            .prepare(
                n,
                TestNotifications.settings(config, "mattermost", MattermostConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  private static Notification diskFull(boolean firing) {
    return TestNotifications.of(
        "mattermost",
        Map.of("alertname", "DiskFull"),
        Map.of("alertname", "DiskFull"),
        List.of(
            TestNotifications.alert(
                Map.of("alertname", "DiskFull", "instance", "db-1"),
                Map.of("summary", "full"),
                firing)));
  }

  private static JsonNode body(String settings, Notification n) throws Exception {
    return new ObjectMapper().readTree(prepare(settings, n).body());
  }

  private static String list(String heading) {
    return "\n# Alerts "
        + heading
        + ":\n\nLabels:\n  - alertname = DiskFull\n  - instance = db-1\n"
        + "\nAnnotations:\n  - summary = full\n\nSource: http://prom/graph\n\n\n";
  }

  @Test
  void aFiringNotificationIsOneAttachmentOfTheDefaults() throws Exception {
    JsonNode body = body("{webhook_url: 'https://mm.example/hooks/k'}", diskFull(true));

    ObjectMapper json = new ObjectMapper();
    var expected = json.createObjectNode();
    expected.put("username", "Alertmanager");
    var attachment = expected.putArray("attachments").addObject();
    attachment.put("fallback", "[FIRING:1] DiskFull  | " + LINK);
    attachment.put("color", "danger");
    attachment.put("text", "\n" + list("Firing") + "\n\n");
    attachment.put("title", "[FIRING:1] DiskFull ");
    attachment.put("title_link", LINK);
    assertThat(body.toString()).isEqualTo(expected.toString());
  }

  @Test
  void aResolvedNotificationListsTheResolvedAlertsInGreen() throws Exception {
    JsonNode attachment =
        body("{webhook_url: 'https://mm.example/hooks/k'}", diskFull(false))
            .path("attachments")
            .get(0);

    assertThat(attachment.path("color").asText()).isEqualTo("good");
    assertThat(attachment.path("title").asText()).isEqualTo("[RESOLVED] DiskFull ");
    assertThat(attachment.path("text").asText()).isEqualTo("\n\n" + list("Resolved") + "\n");
  }

  @Test
  void configuredAttachmentsReplaceTheDefaultOneAndTheTextMovesToTheMessage() throws Exception {
    JsonNode body =
        body(
            "{webhook_url: 'https://mm.example/h', text: 'T {{ .Status }}', channel: ops,"
                + " icon_emoji: ':fire:', type: custom, props: {card: 'C {{ .Status }}'},"
                + " attachments: [{title: 'A {{ .Status }}', footer: F,"
                + " fields: [{title: X, value: Y, short: false}]}]}",
            diskFull(true));

    assertThat(body.toString())
        .isEqualTo(
            "{\"text\":\"T firing\",\"channel\":\"ops\",\"username\":\"Alertmanager\","
                + "\"icon_emoji\":\":fire:\",\"attachments\":[{\"title\":\"A firing\","
                + "\"fields\":[{\"title\":\"X\",\"value\":\"Y\",\"short\":false}],\"footer\":\"F\"}],"
                + "\"type\":\"custom\",\"props\":{\"card\":\"C firing\"}}");
  }

  @Test
  void theMessageTextIsCutAt16383Characters() throws Exception {
    JsonNode body =
        body(
            "{webhook_url: 'https://mm.example/h', text: '{{ range .Alerts }}"
                + "{{ .Labels.alertname }}{{ end }}', attachments: [{title: A}]}",
            TestNotifications.of(
                "mattermost",
                Map.of(),
                Map.of(),
                List.of(
                    TestNotifications.alert(
                        Map.of("alertname", "Ü".repeat(20000)), Map.of(), true))));

    String text = body.path("text").asText();
    assertThat(text.codePointCount(0, text.length())).isEqualTo(16383);
    assertThat(text).endsWith("Ü…");
  }

  @Test
  void priorityFollowsMattermostsRules() throws Exception {
    assertThat(
            body(
                    "{webhook_url: 'https://mm.example/h', priority: {priority: URGENT,"
                        + " requested_ack: true, persistent_notifications: true}}",
                    diskFull(true))
                .path("priority")
                .toString())
        .isEqualTo(
            "{\"priority\":\"urgent\",\"requested_ack\":true,\"persistent_notifications\":true}");
    assertThat(
            body(
                    "{webhook_url: 'https://mm.example/h', priority: {priority: important,"
                        + " requested_ack: true, persistent_notifications: true}}",
                    diskFull(true))
                .path("priority")
                .toString())
        .isEqualTo("{\"priority\":\"important\",\"requested_ack\":true}");
    assertThat(
            body(
                    "{webhook_url: 'https://mm.example/h', priority: {priority: bogus,"
                        + " requested_ack: true}}",
                    diskFull(true))
                .path("priority")
                .toString())
        .isEqualTo("{\"priority\":\"standard\"}");
  }

  @Test
  void answersAreClassifiedAsAlertmanagersRetrierDoes() throws Exception {
    WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
    peer.start();
    try {
      JdkHttpSender http = new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC());
      Outbound.HttpCall call =
          prepare("{webhook_url: '" + peer.baseUrl() + "/hooks/k'}", diskFull(true));
      Map<Integer, Class<? extends AttemptResult>> expected =
          Map.of(
              200, AttemptResult.Delivered.class,
              400, AttemptResult.Failed.class,
              401, AttemptResult.Failed.class,
              403, AttemptResult.Failed.class,
              404, AttemptResult.Failed.class,
              429, AttemptResult.Failed.class,
              500, AttemptResult.Retry.class,
              503, AttemptResult.Retry.class);
      for (var e : expected.entrySet()) {
        peer.stubFor(
            post(urlPathEqualTo("/hooks/k"))
                .willReturn(aResponse().withStatus(e.getKey()).withBody("answer")));
        assertThat(http.send(call)).as("status %d", e.getKey()).isInstanceOf(e.getValue());
      }
    } finally {
      peer.stop();
    }
  }
}
