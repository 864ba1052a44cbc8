package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Slack sink in a real Connect worker against a WireMock Slack. */
class SlackConnectorIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEBHOOK_PATH = "/services/T0/B0/slack-hook-secret-4d2f";
  private static final String BOT_TOKEN = "xoxb-bot-token-secret-77aa";
  private static final WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    slack.start();
    stack = TestStacks.shared();
  }

  @AfterAll
  static void stop() throws Exception {
    slack.stop();
    SecretLeaks.assertNoneLeaked(stack, List.of(WEBHOOK_PATH, "slack-hook-secret", BOT_TOKEN));
  }

  private static String config(String slackSettings) {
    return "route:\n  receiver: chat\n  group_by: [alertname]\n  group_wait: 0s\n  group_interval: 1s\n"
        + "receivers:\n  - name: chat\n    slack_configs:\n      - "
        + slackSettings
        + "\n";
  }

  @Test
  void anIncomingWebhookGetsAlertmanagersAttachmentForFiringAndResolved() throws Exception {
    slack.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withBody("ok")));
    TestStacks.publishConfig(
        stack,
        "slack-tenant",
        config(
            "{api_url: '"
                + slack.baseUrl()
                + WEBHOOK_PATH
                + "', channel: '#stage-alerts', send_resolved: true}"));
    String startsAt = Instant.now().minusSeconds(60).toString();

    TestStacks.postAlerts(
        stack,
        "slack-tenant",
        "[{\"labels\":{\"alertname\":\"DiskFull\",\"severity\":\"warning\"},\"startsAt\":\""
            + startsAt
            + "\"}]");
    JsonNode firing = awaitBody(WEBHOOK_PATH, 1);

    assertThat(firing.path("channel").asText()).isEqualTo("#stage-alerts");
    assertThat(firing.path("username").asText()).isEqualTo("Alertmanager");
    JsonNode attachment = firing.path("attachments").get(0);
    assertThat(attachment.path("title").asText()).isEqualTo("[FIRING:1] DiskFull (warning)");
    assertThat(attachment.path("title_link").asText())
        .isEqualTo(stack.apiUrl() + "/#/alerts?receiver=chat");
    assertThat(attachment.path("fallback").asText())
        .isEqualTo("[FIRING:1] DiskFull (warning) | " + stack.apiUrl() + "/#/alerts?receiver=chat");
    assertThat(attachment.path("color").asText()).isEqualTo("danger");
    assertThat(attachment.path("footer").isTextual()).isTrue();
    assertThat(attachment.path("mrkdwn_in").toString())
        .isEqualTo("[\"fallback\",\"pretext\",\"text\"]");

    TestStacks.postAlerts(
        stack,
        "slack-tenant",
        "[{\"labels\":{\"alertname\":\"DiskFull\",\"severity\":\"warning\"},\"startsAt\":\""
            + startsAt
            + "\",\"endsAt\":\""
            + Instant.now().minusSeconds(1)
            + "\"}]");
    JsonNode resolved = awaitBody(WEBHOOK_PATH, 2);
    assertThat(resolved.path("attachments").get(0).path("title").asText())
        .isEqualTo("[RESOLVED] DiskFull (warning)");
    assertThat(resolved.path("attachments").get(0).path("color").asText()).isEqualTo("good");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(sentMetric("slack-tenant")).isEqualTo(2.0));
  }

  @Test
  void chatPostMessageCarriesTheBotTokenAndARefusalGoesToTheDeadLetterTopic() throws Exception {
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withHeader("Authorization", equalTo("Bearer " + BOT_TOKEN))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":false,\"error\":\"channel_not_found\"}")));
    TestStacks.publishConfig(
        stack,
        "slack-bot-tenant",
        config(
                "{api_url: '"
                    + slack.baseUrl()
                    + "/api/chat.postMessage', channel: '#nowhere', http_config: {authorization:"
                    + " {credentials: '"
                    + BOT_TOKEN
                    + "'}}}")
            .replace("group_interval: 1s", "group_interval: 1m"));

    TestStacks.postAlerts(stack, "slack-bot-tenant", "[{\"labels\":{\"alertname\":\"Bot\"}}]");

    var dead =
        TestStacks.awaitRecord(stack, EmbeddedConnect.DLQ_TOPIC, "slack-bot-tenant", r -> true);
    assertThat(TestStacks.deadLetterReason(dead)).contains("channel_not_found");
    // Not retried by the connector; the group's next flush tries again (NotificationLogIT), a
    // minute from now, so the one request seen is the connector's only attempt.
    slack.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
  }

  @Test
  void tooManyRequestsIsRetriedAfterTheRetryAfterDelay() throws Exception {
    String path = "/services/T0/B1/slack-hook-secret-busy";
    slack.stubFor(
        post(urlPathEqualTo(path))
            .inScenario("busy")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
            .willSetStateTo("free"));
    slack.stubFor(
        post(urlPathEqualTo(path))
            .inScenario("busy")
            .whenScenarioStateIs("free")
            .willReturn(aResponse().withBody("ok")));
    TestStacks.publishConfig(
        stack, "slack-busy-tenant", config("{api_url: '" + slack.baseUrl() + path + "'}"));

    TestStacks.postAlerts(stack, "slack-busy-tenant", "[{\"labels\":{\"alertname\":\"Busy\"}}]");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> slack.verify(2, postRequestedFor(urlPathEqualTo(path))));
    List<LoggedRequest> attempts = slack.findAll(postRequestedFor(urlPathEqualTo(path)));
    long waitedMs =
        attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime();
    assertThat(waitedMs).isGreaterThanOrEqualTo(2_900);
    Thread.sleep(1500);
    slack.verify(2, postRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void aTemplateThatFailsIsSentWithItsDefaultAndTheFailureRecorded() throws Exception {
    String path = "/services/T0/B2/slack-hook-secret-tmpl";
    slack.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withBody("ok")));
    TestStacks.publishConfig(
        stack,
        "slack-template-tenant",
        config(
            "{api_url: '"
                + slack.baseUrl()
                + path
                + "', title: '{{ .CommonLabels.alertname.Deeper }}',"
                + " text: '{{ template \"my.text\" . }}'}"),
        Map.of(
            "my.tmpl",
            "{{ define \"my.text\" }}{{ len .Alerts }} alert(s) for {{ .Receiver }}{{ end }}"));

    TestStacks.postAlerts(
        stack, "slack-template-tenant", "[{\"labels\":{\"alertname\":\"Tmpl\"}}]");

    JsonNode attachment = awaitBody(path, 1).path("attachments").get(0);
    assertThat(attachment.path("title").asText()).isEqualTo("[FIRING:1] Tmpl ");
    assertThat(attachment.path("text").asText()).isEqualTo("1 alert(s) for chat");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode history =
                  JSON.readTree(
                      java.net.http.HttpClient.newHttpClient()
                          .send(
                              java.net.http.HttpRequest.newBuilder(
                                      java.net.URI.create(stack.apiUrl() + "/api/v1/notifications"))
                                  .header("X-Scope-OrgID", "slack-template-tenant")
                                  .build(),
                              java.net.http.HttpResponse.BodyHandlers.ofString())
                          .body());
              assertThat(history).hasSize(1);
              assertThat(history.get(0).path("outcome").asText()).isEqualTo("delivered");
              assertThat(history.get(0).path("outcomeReason").asText())
                  .startsWith("sent with default text for: title: template: ")
                  .contains("can't evaluate field Deeper");
            });
  }

  private static JsonNode awaitBody(String path, int nth) throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> slack.findAll(postRequestedFor(urlPathEqualTo(path))).size() >= nth);
    return JSON.readTree(
        slack.findAll(postRequestedFor(urlPathEqualTo(path))).get(nth - 1).getBodyAsString());
  }

  /** notifications-sent-total of the Slack connector for the tenant, read over JMX. */
  static double sentMetric(String tenant) throws Exception {
    var jmx = ManagementFactory.getPlatformMBeanServer();
    double total = 0;
    for (ObjectName name : jmx.queryNames(new ObjectName("kafka.connect:type=plugins,*"), null)) {
      if (tenant.equals(name.getKeyProperty("tenant"))
          && "slack".equals(name.getKeyProperty("integration"))) {
        Object value = jmx.getAttribute(name, "notifications-sent-total");
        total += ((Number) value).doubleValue();
      }
    }
    return total;
  }
}
