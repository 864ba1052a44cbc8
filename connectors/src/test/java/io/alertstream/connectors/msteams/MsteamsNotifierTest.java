package io.alertstream.connectors.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.msteams.MsteamsConfig;
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

class MsteamsNotifierTest {

  /** One alert in {@code __text_alert_list_markdown}, and the newline after the list. */
  static final String MARKDOWN_LIST =
      "\nLabels:\n  - alertname = DiskFull\n\nAnnotations:\n  - summary = full\n"
          + "\nSource: http://prom/graph\n\n";

  private final WireMockServer teams = new WireMockServer(wireMockConfig().dynamicPort());

  @BeforeEach
  void start() {
    teams.start();
  }

  @AfterEach
  void stop() {
    teams.stop();
  }

  static Notification diskFull(String type, boolean firing) {
    return TestNotifications.of(
        type,
        Map.of("alertname", "DiskFull"),
        Map.of("alertname", "DiskFull"),
        List.of(
            TestNotifications.alert(
                Map.of("alertname", "DiskFull"), Map.of("summary", "full"), firing)));
  }

  static String json(String text) throws Exception {
    String quoted = new ObjectMapper().writeValueAsString(text);
    return quoted.substring(1, quoted.length() - 1);
  }

  private static Outbound.HttpCall call(Notification n, String entry) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  msteams_configs:\n  - "
                    + entry
                    + "\n");
    return (Outbound.HttpCall)
        new MsteamsNotifier()
            .prepare(
                n,
                TestNotifications.settings(config, "msteams", MsteamsConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  @Test
  void aFiringGroupIsARedMessageCard() throws Exception {
    var call =
        call(
            diskFull("msteams", true), "{webhook_url: 'https://acme.webhook.office.com/w/s3cr3t'}");

    assertThat(call.url().toString()).isEqualTo("https://acme.webhook.office.com/w/s3cr3t");
    assertThat(call.secrets()).extracting(s -> s.value()).contains(call.url().toString());
    assertThat(new String(call.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"@context\":\"http://schema.org/extensions\",\"type\":\"MessageCard\","
                + "\"title\":\"[FIRING:1] DiskFull \",\"summary\":\"[FIRING:1] DiskFull \","
                + "\"text\":\""
                + json("\n\n# Alerts Firing:\n" + MARKDOWN_LIST + "\n\n\n")
                + "\",\"themeColor\":\"8C1A1A\"}");
  }

  @Test
  void aResolvedGroupIsAGreenMessageCard() throws Exception {
    var call =
        call(
            diskFull("msteams", false),
            "{webhook_url: 'https://acme.webhook.office.com/w/x', title: T, summary: S}");

    assertThat(new String(call.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"@context\":\"http://schema.org/extensions\",\"type\":\"MessageCard\","
                + "\"title\":\"T\",\"summary\":\"S\",\"text\":\""
                + json("\n\n\n# Alerts Resolved:\n" + MARKDOWN_LIST + "\n\n")
                + "\",\"themeColor\":\"2DC72D\"}");
  }

  private AttemptResult deliver(int status) throws Exception {
    teams.resetAll();
    teams.stubFor(post(urlPathEqualTo("/w/tok")).willReturn(aResponse().withStatus(status)));
    var call =
        call(
            diskFull("msteams", true),
            "{webhook_url: 'http://localhost:" + teams.port() + "/w/tok'}");
    return new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC()).send(call);
  }

  @Test
  void teamsAnswersAreClassifiedAsAlertmanagerClassifiesThem() throws Exception {
    assertThat(deliver(200)).isInstanceOf(AttemptResult.Delivered.class);
    assertThat(deliver(502)).isInstanceOf(AttemptResult.Retry.class);
    // Alertmanager's Teams notifier retries only 5xx.
    assertThat(deliver(429)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(deliver(401)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(deliver(403)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(deliver(400))
        .isInstanceOfSatisfying(
            AttemptResult.Failed.class, f -> assertThat(f.reason()).doesNotContain("tok"));
  }
}
