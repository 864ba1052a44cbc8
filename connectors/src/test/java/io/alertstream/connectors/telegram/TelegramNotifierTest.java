package io.alertstream.connectors.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.telegram.TelegramConfig;
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

class TelegramNotifierTest {

  private static final String LIST =
      "Labels:\n - alertname = DiskFull\nAnnotations:\nSource: http://prom/graph\n";

  private final WireMockServer telegram = new WireMockServer(wireMockConfig().dynamicPort());

  @BeforeEach
  void start() {
    telegram.start();
  }

  @AfterEach
  void stop() {
    telegram.stop();
  }

  private static Outbound.HttpCall call(Notification n, String entry) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  telegram_configs:\n  - "
                    + entry
                    + "\n");
    return (Outbound.HttpCall)
        new TelegramNotifier()
            .prepare(
                n,
                TestNotifications.settings(config, "telegram", TelegramConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  private static Notification diskFull(boolean firing, Map<String, String> labels) {
    return TestNotifications.of(
        "telegram",
        Map.of("alertname", "DiskFull"),
        Map.of("alertname", "DiskFull"),
        List.of(TestNotifications.alert(labels, Map.of(), firing)));
  }

  private static String body(Outbound.HttpCall call) {
    return new String(call.body(), StandardCharsets.UTF_8);
  }

  private static String json(String text) throws Exception {
    String quoted = new ObjectMapper().writeValueAsString(text);
    return quoted.substring(1, quoted.length() - 1);
  }

  @Test
  void aFiringGroupIsSentAsTheLibrarySendsIt() throws Exception {
    var call =
        call(
            diskFull(true, Map.of("alertname", "DiskFull")),
            "{bot_token: '123:tok', chat_id: -42}");

    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.url().toString()).isEqualTo("https://api.telegram.org/bot123:tok/sendMessage");
    assertThat(call.headers()).containsEntry("Content-Type", "application/json");
    assertThat(body(call))
        .isEqualTo(
            "{\"chat_id\":\"-42\",\"disable_web_page_preview\":\"true\",\"parse_mode\":\"HTML\","
                + "\"text\":\""
                + json("\n\nAlerts Firing:\n" + LIST + "\n\n\n")
                + "\"}");
    assertThat(call.secrets()).extracting(s -> s.value()).containsExactly("123:tok");
  }

  @Test
  void aResolvedGroupWithEveryOptionSet() throws Exception {
    var call =
        call(
            diskFull(false, Map.of("alertname", "DiskFull")),
            "{bot_token: t, chat_id: 7, message_thread_id: 3, disable_notifications: true,"
                + " parse_mode: MarkdownV2, api_url: 'https://tg.example/'}");

    assertThat(call.url().toString()).isEqualTo("https://tg.example//bott/sendMessage");
    assertThat(body(call))
        .isEqualTo(
            "{\"chat_id\":\"7\",\"disable_notification\":\"true\","
                + "\"disable_web_page_preview\":\"true\",\"message_thread_id\":\"3\","
                + "\"parse_mode\":\"MarkdownV2\",\"text\":\""
                + json("\n\n\nAlerts Resolved:\n" + LIST + "\n\n")
                + "\"}");
  }

  @Test
  void inHtmlModeValuesAreEscaped() throws Exception {
    var call =
        call(
            diskFull(true, Map.of("alertname", "DiskFull")),
            "{bot_token: t, chat_id: 1, message: '<b>{{ \"a<b\" }}</b>'}");

    assertThat(new ObjectMapper().readTree(call.body()).path("text").asText())
        .isEqualTo("<b>a&lt;b</b>");
  }

  @Test
  void aTooLongHtmlMessageIsReplacedAndOtherModesAreCut() throws Exception {
    String longMessage = "x".repeat(5000);
    var html =
        call(diskFull(true, Map.of()), "{bot_token: t, chat_id: 1, message: " + longMessage + "}");
    var plain =
        call(
            diskFull(true, Map.of()),
            "{bot_token: t, chat_id: 1, parse_mode: '', message: " + longMessage + "}");

    assertThat(new ObjectMapper().readTree(html.body()).path("text").asText())
        .isEqualTo(TelegramNotifier.HTML_TOO_LONG);
    assertThat(new ObjectMapper().readTree(plain.body()).path("text").asText())
        .isEqualTo("x".repeat(4095) + "…");
    assertThat(new ObjectMapper().readTree(plain.body()).has("parse_mode")).isFalse();
  }

  private AttemptResult deliver(int status, String answer) throws Exception {
    telegram.resetAll();
    telegram.stubFor(
        post(urlPathEqualTo("/bot123:tok/sendMessage"))
            .willReturn(aResponse().withStatus(status).withBody(answer)));
    var call =
        call(
            diskFull(true, Map.of("alertname", "DiskFull")),
            "{bot_token: '123:tok', chat_id: 1, api_url: 'http://localhost:"
                + telegram.port()
                + "'}");
    return new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC()).send(call);
  }

  @Test
  void theBotApisAnswersAreClassifiedAsAlertmanagerClassifiesThem() throws Exception {
    assertThat(
            deliver(
                200,
                "{\"ok\":true,\"result\":{\"message_id\":5,\"chat\":{\"id\":1},\"text\":\"x\"}}"))
        .isInstanceOf(AttemptResult.Delivered.class);
    // Alertmanager retries whatever error its Telegram library reports.
    assertThat(
            deliver(
                429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after"
                    + " 7\",\"parameters\":{\"retry_after\":7}}"))
        .isInstanceOfSatisfying(
            AttemptResult.Retry.class,
            r -> {
              assertThat(r.retryAfter()).contains(Duration.ofSeconds(7));
              assertThat(r.reason()).contains("Too Many Requests").contains("429");
            });
    assertThat(deliver(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"))
        .isInstanceOfSatisfying(
            AttemptResult.Retry.class,
            r -> assertThat(r.reason()).contains("Unauthorized").doesNotContain("tok"));
    assertThat(
            deliver(
                403,
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by"
                    + " the user\"}"))
        .isInstanceOf(AttemptResult.Retry.class);
    assertThat(
            deliver(
                400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"))
        .isInstanceOf(AttemptResult.Retry.class);
    assertThat(deliver(502, "<html>Bad Gateway</html>"))
        .isInstanceOfSatisfying(
            AttemptResult.Retry.class, r -> assertThat(r.reason()).doesNotContain("tok"));
  }
}
