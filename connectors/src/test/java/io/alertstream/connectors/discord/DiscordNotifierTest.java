package io.alertstream.connectors.discord;

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
import io.alertstream.config.receivers.discord.DiscordConfig;
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

class DiscordNotifierTest {

  private static final String LIST =
      "Labels:\n - alertname = DiskFull\nAnnotations:\nSource: http://prom/graph\n";

  private final WireMockServer discord = new WireMockServer(wireMockConfig().dynamicPort());

  @BeforeEach
  void start() {
    discord.start();
  }

  @AfterEach
  void stop() {
    discord.stop();
  }

  private static DiscordConfig settings(String entry) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  discord_configs:\n  - "
                    + entry
                    + "\n");
    return TestNotifications.settings(config, "discord", DiscordConfig.class);
  }

  private static Outbound.HttpCall call(Notification n, String entry) throws Exception {
    return (Outbound.HttpCall)
        new DiscordNotifier().prepare(n, settings(entry), TenantTemplates.DEFAULTS).request();
  }

  private static Notification diskFull(boolean firing) {
    return TestNotifications.of(
        "discord",
        Map.of("alertname", "DiskFull"),
        Map.of("alertname", "DiskFull"),
        List.of(TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), firing)));
  }

  private static String body(Outbound.HttpCall call) {
    return new String(call.body(), StandardCharsets.UTF_8);
  }

  @Test
  void aFiringGroupIsARedEmbedWithTheSubjectAndTheAlertList() throws Exception {
    var call = call(diskFull(true), "{webhook_url: 'https://discord.com/api/webhooks/1/tok'}");

    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.url().toString()).isEqualTo("https://discord.com/api/webhooks/1/tok");
    assertThat(call.headers()).containsEntry("Content-Type", "application/json");
    assertThat(body(call))
        .isEqualTo(
            "{\"content\":\"\",\"embeds\":[{\"title\":\"[FIRING:1] DiskFull \","
                + "\"description\":\""
                + json("\n\nAlerts Firing:\n" + LIST + "\n\n\n")
                + "\",\"color\":10038562}]}");
  }

  @Test
  void aResolvedGroupIsAGreenEmbedListingTheResolvedAlerts() throws Exception {
    var call = call(diskFull(false), "{webhook_url: 'https://discord.com/api/webhooks/1/tok'}");

    assertThat(body(call))
        .isEqualTo(
            "{\"content\":\"\",\"embeds\":[{\"title\":\"[RESOLVED] DiskFull \","
                + "\"description\":\""
                + json("\n\n\nAlerts Resolved:\n" + LIST + "\n\n")
                + "\",\"color\":3066993}]}");
  }

  @Test
  void contentUsernameAndAvatarAreSentWhenSet() throws Exception {
    var call =
        call(
            diskFull(true),
            "{webhook_url: 'https://discord.com/api/webhooks/1/tok', content: '{{ .Status }}!',"
                + " title: T, message: M, username: alerts, avatar_url: 'https://img.example/a.png'}");

    assertThat(body(call))
        .isEqualTo(
            "{\"content\":\"firing!\",\"embeds\":[{\"title\":\"T\",\"description\":\"M\","
                + "\"color\":10038562}],\"username\":\"alerts\","
                + "\"avatar_url\":\"https://img.example/a.png\"}");
  }

  @Test
  void titleDescriptionAndContentAreCutToDiscordsLimits() throws Exception {
    var call =
        call(
            diskFull(true),
            "{webhook_url: 'https://discord.com/api/webhooks/1/tok',"
                + " title: '"
                + "é".repeat(300)
                + "', message: '"
                + "m".repeat(5000)
                + "', content: '"
                + "c".repeat(2500)
                + "'}");
    JsonNode body = new ObjectMapper().readTree(call.body());

    String title = body.path("embeds").get(0).path("title").asText();
    assertThat(title).hasSize(256).isEqualTo("é".repeat(255) + "…");
    assertThat(body.path("embeds").get(0).path("description").asText())
        .isEqualTo("m".repeat(4095) + "…");
    assertThat(body.path("content").asText()).isEqualTo("c".repeat(1999) + "…");
  }

  @Test
  void theDefaultsGoThroughTheNamedTemplatesATenantMayDefine() throws Exception {
    var call =
        (Outbound.HttpCall)
            new DiscordNotifier()
                .prepare(
                    TestNotifications.diskFull("discord"),
                    settings("{webhook_url: 'https://discord.com/api/webhooks/1/tok'}"),
                    TestNotifications.overridingBuiltIns())
                .request();
    JsonNode embed = new ObjectMapper().readTree(call.body()).path("embeds").get(0);

    assertThat(embed.path("title").asText()).isEqualTo("S:DiskFull");
    assertThat(embed.path("description").asText()).isEqualTo("\n\nAlerts Firing:\n1 alerts\n\n\n");
  }

  @Test
  void theWebhookUrlIsASecret() throws Exception {
    var call = call(diskFull(true), "{webhook_url: 'https://discord.com/api/webhooks/1/tok'}");

    assertThat(call.secrets()).extracting(s -> s.value()).contains(call.url().toString());
    assertThat(call.maskedTarget()).doesNotContain("tok");
  }

  private AttemptResult deliver(int status) throws Exception {
    discord.stubFor(
        post(urlPathEqualTo("/api/webhooks/1/tok"))
            .willReturn(aResponse().withStatus(status).withBody("{\"message\":\"x\"}")));
    var call =
        call(
            diskFull(true),
            "{webhook_url: 'http://localhost:" + discord.port() + "/api/webhooks/1/tok'}");
    return new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC()).send(call);
  }

  @Test
  void discordsAnswersAreClassifiedAsAlertmanagerClassifiesThem() throws Exception {
    assertThat(deliver(204)).isInstanceOf(AttemptResult.Delivered.class);
    discord.verify(
        postRequestedFor(urlPathEqualTo("/api/webhooks/1/tok"))
            .withHeader("Content-Type", equalTo("application/json")));
    discord.resetAll();
    assertThat(deliver(500)).isInstanceOf(AttemptResult.Retry.class);
    discord.resetAll();
    // Alertmanager's Discord notifier retries only 5xx: a 429 fails.
    assertThat(deliver(429)).isInstanceOf(AttemptResult.Failed.class);
    discord.resetAll();
    assertThat(deliver(401)).isInstanceOf(AttemptResult.Failed.class);
    discord.resetAll();
    assertThat(deliver(403)).isInstanceOf(AttemptResult.Failed.class);
    discord.resetAll();
    assertThat(deliver(400))
        .isInstanceOfSatisfying(
            AttemptResult.Failed.class, f -> assertThat(f.reason()).doesNotContain("tok"));
  }

  /** The text as a JSON string's content. */
  private static String json(String text) throws Exception {
    String quoted = new ObjectMapper().writeValueAsString(text);
    return quoted.substring(1, quoted.length() - 1);
  }
}
