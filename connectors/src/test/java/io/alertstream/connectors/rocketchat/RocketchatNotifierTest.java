package io.alertstream.connectors.rocketchat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.rocketchat.RocketchatConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RocketchatNotifierTest {

  private static Outbound.HttpCall prepare(String settings, Notification n) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  rocketchat_configs:\n  - "
                    + settings
                    + "\n");
    return (Outbound.HttpCall)
        new RocketchatNotifier()
            .prepare(
                n,
                TestNotifications.settings(config, "rocketchat", RocketchatConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  private static Notification diskFull(boolean firing, String alertname) {
    return TestNotifications.of(
        "rocketchat",
        Map.of("alertname", alertname),
        Map.of("alertname", alertname),
        List.of(TestNotifications.alert(Map.of("alertname", alertname), Map.of(), firing)));
  }

  private static JsonNode body(Outbound.HttpCall call) throws Exception {
    return new ObjectMapper().readTree(call.body());
  }

  @Test
  void aFiringMessageIsOneAttachmentWithTitleLinkAndRed() throws Exception {
    Outbound.HttpCall call = prepare("{token_id: us3r, token: s3cret}", diskFull(true, "DiskFull"));

    assertThat(call.url().toString()).isEqualTo("https://open.rocket.chat/api/v1/chat.postMessage");
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.headers())
        .containsEntry("X-Auth-Token", "s3cret")
        .containsEntry("X-User-Id", "us3r")
        .containsEntry("Content-Type", "application/json");
    assertThat(body(call).toString())
        .isEqualTo(
            "{\"attachments\":[{\"title\":\"[FIRING:1] DiskFull \","
                + "\"title_link\":\"http://alertstream:9093/#/alerts?receiver=team-x\","
                + "\"color\":\"red\"}]}");
    assertThat(call.maskedHeaders().values()).doesNotContain("s3cret", "us3r");
  }

  @Test
  void aResolvedMessageIsGreenWithFieldsButtonsChannelAndAvatar() throws Exception {
    Outbound.HttpCall call =
        prepare(
            "{token_id: u, token: t, channel: '#ops', emoji: ':fire:', icon_url: 'http://i/',"
                + " text: '{{ .Status }}', short_fields: true,"
                + " fields: [{title: A, value: '{{ .Status }}'}, {title: B, short: false}],"
                + " actions: [{type: link, text: Go, url: 'http://x/', msg: m}]}",
            diskFull(false, "DiskFull"));

    assertThat(body(call).toString())
        .isEqualTo(
            "{\"channel\":\"#ops\",\"emoji\":\":fire:\",\"avatar\":\"http://i/\","
                + "\"attachments\":[{\"title\":\"[RESOLVED] DiskFull \","
                + "\"title_link\":\"http://alertstream:9093/#/alerts?receiver=team-x\","
                + "\"text\":\"resolved\",\"color\":\"green\","
                + "\"fields\":[{\"short\":true,\"title\":\"A\",\"value\":\"resolved\"},"
                + "{\"short\":false,\"title\":\"B\"}],"
                + "\"actions\":[{\"type\":\"button\",\"text\":\"Go\",\"url\":\"http://x/\","
                + "\"is_webview\":false,\"msg\":\"m\",\"msg_in_chat_window\":false}]}]}");
  }

  @Test
  void aLongTitleIsCutTo1024Characters() throws Exception {
    String title =
        body(prepare("{token_id: u, token: t}", diskFull(true, "X".repeat(2000))))
            .path("attachments")
            .get(0)
            .path("title")
            .asText();

    assertThat(title.codePointCount(0, title.length())).isEqualTo(1024);
    assertThat(title).endsWith("X…");
  }

  @Test
  void thePathOfTheServerUrlIsKept() {
    assertThat(RocketchatNotifier.postMessageUrl(URI.create("https://chat.example/rc")))
        .hasToString("https://chat.example/rc/api/v1/chat.postMessage");
    assertThat(RocketchatNotifier.postMessageUrl(URI.create("http://chat.example:3000/")))
        .hasToString("http://chat.example:3000/api/v1/chat.postMessage");
  }

  @Test
  void answersAreClassifiedAsAlertmanagerDoes() throws Exception {
    WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
    peer.start();
    try {
      JdkHttpSender http = new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC());
      Outbound.HttpCall call =
          prepare(
              "{token_id: us3r, token: s3cret, api_url: '" + peer.baseUrl() + "'}",
              diskFull(true, "DiskFull"));
      record Case(int status, String body, Class<? extends AttemptResult> outcome) {}
      List<Case> cases =
          List.of(
              new Case(200, "{\"success\":true,\"message\":{}}", AttemptResult.Delivered.class),
              new Case(
                  200,
                  "{\"success\":false,\"error\":\"room not found\"}",
                  AttemptResult.Failed.class),
              new Case(200, "<html>proxy</html>", AttemptResult.Retry.class),
              new Case(400, "{\"success\":false,\"error\":\"bad\"}", AttemptResult.Failed.class),
              new Case(
                  401,
                  "{\"status\":\"error\",\"message\":\"You must be logged in\"}",
                  AttemptResult.Failed.class),
              new Case(403, "{}", AttemptResult.Failed.class),
              new Case(
                  429,
                  "{\"success\":false,\"error\":\"Too many requests\"}",
                  AttemptResult.Failed.class),
              new Case(500, "", AttemptResult.Retry.class),
              new Case(503, "", AttemptResult.Retry.class));
      for (Case c : cases) {
        peer.stubFor(
            post(urlPathEqualTo("/api/v1/chat.postMessage"))
                .willReturn(aResponse().withStatus(c.status()).withBody(c.body())));
        AttemptResult outcome = http.send(call);
        assertThat(outcome).as("%s", c).isInstanceOf(c.outcome());
        assertThat(outcome.toString()).doesNotContain("s3cret", "us3r");
      }
      peer.verify(
          postRequestedFor(urlPathEqualTo("/api/v1/chat.postMessage"))
              .withHeader("X-Auth-Token", equalTo("s3cret"))
              .withHeader("X-User-Id", equalTo("us3r")));
    } finally {
      peer.stop();
    }
  }
}
