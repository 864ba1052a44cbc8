package io.alertstream.connectors.webex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.webex.WebexConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotifiedAlert;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebexNotifierTest {

  private static final String AUTH = "http_config: {authorization: {credentials: s3cr3t}}";
  private static final String LIST =
      "Labels:\n - alertname = DiskFull\nAnnotations:\nSource: http://prom/graph\n";

  private final WireMockServer webex = new WireMockServer(wireMockConfig().dynamicPort());

  @BeforeEach
  void start() {
    webex.start();
  }

  @AfterEach
  void stop() {
    webex.stop();
  }

  private static Outbound.HttpCall call(Notification n, String entry) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  webex_configs:\n  - "
                    + entry
                    + "\n");
    return (Outbound.HttpCall)
        new WebexNotifier()
            .prepare(
                n,
                TestNotifications.settings(config, "webex", WebexConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  private static Notification diskFull(boolean firing, Map<String, String> annotations) {
    NotifiedAlert alert =
        TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), firing);
    return Notification.newBuilder(
            TestNotifications.of(
                "webex",
                Map.of("alertname", "DiskFull"),
                Map.of("alertname", "DiskFull"),
                List.of(alert)))
        .setCommonAnnotations(annotations)
        .build();
  }

  private static String json(String text) throws Exception {
    String quoted = new ObjectMapper().writeValueAsString(text);
    return quoted.substring(1, quoted.length() - 1);
  }

  @Test
  void aFiringGroupIsTheCommonAnnotationsAndTheAlertList() throws Exception {
    var call =
        call(
            diskFull(true, Map.of("summary", "disk full", "description", "on db-1")),
            "{room_id: 'Y2lzY29', " + AUTH + "}");

    assertThat(call.url().toString()).isEqualTo("https://webexapis.com/v1/messages");
    assertThat(call.http().authorization().orElseThrow().value()).isEqualTo("Bearer s3cr3t");
    assertThat(new String(call.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"markdown\":\""
                + json("on db-1 disk full\n\nAlerts Firing:\n" + LIST + "\n\n\n")
                + "\",\"roomId\":\"Y2lzY29\"}");
  }

  @Test
  void aResolvedGroupListsTheResolvedAlertsAndTheRoomIsATemplate() throws Exception {
    var call = call(diskFull(false, Map.of()), "{room_id: '{{ .Status }}-room', " + AUTH + "}");

    assertThat(new String(call.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"markdown\":\""
                + json("\n\n\nAlerts Resolved:\n" + LIST + "\n\n")
                + "\",\"roomId\":\"resolved-room\"}");
  }

  @Test
  void aLongMessageIsCutTo7439BytesOfWholeCharacters() throws Exception {
    var call =
        call(
            diskFull(true, Map.of()),
            "{room_id: r, message: '" + "é".repeat(4000) + "', " + AUTH + "}");
    String markdown = new ObjectMapper().readTree(call.body()).path("markdown").asText();

    assertThat(markdown).isEqualTo("é".repeat(3718) + "…");
    assertThat(markdown.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(7439);
    assertThat(WebexNotifier.truncateInBytes("abcdef", 6)).isEqualTo("abcdef");
    assertThat(WebexNotifier.truncateInBytes("abcdefg", 6)).isEqualTo("abc…");
  }

  private AttemptResult deliver(int status) throws Exception {
    webex.resetAll();
    webex.stubFor(
        post(urlPathEqualTo("/v1/messages"))
            .willReturn(aResponse().withStatus(status).withBody("{\"message\":\"m\"}")));
    var call =
        call(
            diskFull(true, Map.of()),
            "{room_id: r, api_url: 'http://localhost:"
                + webex.port()
                + "/v1/messages', "
                + AUTH
                + "}");
    return new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC()).send(call);
  }

  @Test
  void webexsAnswersAreClassifiedAsAlertmanagerClassifiesThem() throws Exception {
    assertThat(deliver(200)).isInstanceOf(AttemptResult.Delivered.class);
    webex.verify(
        postRequestedFor(urlPathEqualTo("/v1/messages"))
            .withHeader("Authorization", equalTo("Bearer s3cr3t")));
    assertThat(deliver(503)).isInstanceOf(AttemptResult.Retry.class);
    // Alertmanager's Webex notifier retries only 5xx.
    assertThat(deliver(429)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(deliver(401)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(deliver(403)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(deliver(400))
        .isInstanceOfSatisfying(
            AttemptResult.Failed.class, f -> assertThat(f.reason()).doesNotContain("s3cr3t"));
  }
}
