package io.alertstream.connectors.msteamsv2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.msteamsv2.Msteamsv2Config;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Msteamsv2NotifierTest {

  private static final String MARKDOWN_LIST =
      "\nLabels:\n  - alertname = DiskFull\n\nAnnotations:\n  - summary = full\n"
          + "\nSource: http://prom/graph\n\n";
  private static final String WORKFLOW =
      "https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke"
          + "?api-version=2016-06-01&sig=s3cr3t";

  private final WireMockServer workflow = new WireMockServer(wireMockConfig().dynamicPort());

  @BeforeEach
  void start() {
    workflow.start();
  }

  @AfterEach
  void stop() {
    workflow.stop();
  }

  private static Notification diskFull(boolean firing) {
    return TestNotifications.of(
        "msteamsv2",
        Map.of("alertname", "DiskFull"),
        Map.of("alertname", "DiskFull"),
        List.of(
            TestNotifications.alert(
                Map.of("alertname", "DiskFull"), Map.of("summary", "full"), firing)));
  }

  private static String json(String text) throws Exception {
    String quoted = new ObjectMapper().writeValueAsString(text);
    return quoted.substring(1, quoted.length() - 1);
  }

  private static Outbound.HttpCall call(Notification n, String entry) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  msteamsv2_configs:\n  - "
                    + entry
                    + "\n");
    return (Outbound.HttpCall)
        new Msteamsv2Notifier()
            .prepare(
                n,
                TestNotifications.settings(config, "msteamsv2", Msteamsv2Config.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  private static String card(String title, String color, String text) throws Exception {
    return "{\"type\":\"message\",\"attachments\":[{\"contentType\":"
        + "\"application/vnd.microsoft.card.adaptive\",\"contentUrl\":null,\"content\":{"
        + "\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\","
        + "\"type\":\"AdaptiveCard\",\"version\":\"1.2\",\"body\":["
        + "{\"type\":\"TextBlock\",\"text\":\""
        + json(title)
        + "\",\"weight\":\"Bolder\",\"size\":\"Medium\",\"wrap\":true,\"style\":\"heading\","
        + "\"color\":\""
        + color
        + "\"},{\"type\":\"TextBlock\",\"text\":\""
        + json(text)
        + "\",\"wrap\":true}],\"msteams\":{\"width\":\"full\"}}}]}";
  }

  @Test
  void aFiringGroupIsAnAdaptiveCardWithAnAttentionHeading() throws Exception {
    var call = call(diskFull(true), "{webhook_url: '" + WORKFLOW + "'}");

    assertThat(call.url().toString()).isEqualTo(WORKFLOW);
    assertThat(call.secrets()).extracting(s -> s.value()).contains(WORKFLOW);
    assertThat(call.maskedTarget()).doesNotContain("s3cr3t");
    assertThat(new String(call.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            card(
                "[FIRING:1] DiskFull ",
                "Attention",
                "\n\n# Alerts Firing:\n" + MARKDOWN_LIST + "\n\n\n"));
  }

  @Test
  void aResolvedGroupHasAGoodHeading() throws Exception {
    var call = call(diskFull(false), "{webhook_url: '" + WORKFLOW + "', title: T}");

    assertThat(new String(call.body(), StandardCharsets.UTF_8))
        .isEqualTo(card("T", "Good", "\n\n\n# Alerts Resolved:\n" + MARKDOWN_LIST + "\n\n"));
  }

  private AttemptResult deliver(int status) throws Exception {
    workflow.resetAll();
    workflow.stubFor(
        post(urlPathEqualTo("/workflows/abc/triggers/manual/paths/invoke"))
            .willReturn(aResponse().withStatus(status)));
    var call =
        call(
            diskFull(true),
            "{webhook_url: 'http://localhost:"
                + workflow.port()
                + "/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t'}");
    return new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC()).send(call);
  }

  @Test
  void workflowAnswersAreClassifiedAsAlertmanagerClassifiesThem() throws Exception {
    assertThat(deliver(202)).isInstanceOf(AttemptResult.Delivered.class);
    assertThat(deliver(500)).isInstanceOf(AttemptResult.Retry.class);
    // Alertmanager's Teams workflow notifier retries only 5xx.
    assertThat(deliver(429)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(deliver(401)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(deliver(403)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(deliver(400))
        .isInstanceOfSatisfying(
            AttemptResult.Failed.class, f -> assertThat(f.reason()).doesNotContain("s3cr3t"));
  }
}
