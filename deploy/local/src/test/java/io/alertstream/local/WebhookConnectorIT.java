package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.alertstream.schemas.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook sink in a real Connect worker: retries on 5xx, dead-letters a 4xx with its reason.
 */
class WebhookConnectorIT {

  private static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    receiver.start();
    stack = TestStacks.shared();
  }

  @AfterAll
  static void stop() {
    receiver.stop();
  }

  @Test
  void aServerErrorIsRetriedUntilDeliveredWithTheSameIdempotencyKey() throws Exception {
    receiver.stubFor(
        post(urlPathEqualTo("/flaky"))
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("recovered"));
    receiver.stubFor(
        post(urlPathEqualTo("/flaky"))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(aResponse().withStatus(200)));
    TestStacks.publishConfig(
        stack, "flaky-tenant", TestStacks.webhookConfig(receiver.baseUrl() + "/flaky"));

    TestStacks.postAlerts(stack, "flaky-tenant", "[{\"labels\":{\"alertname\":\"Flaky\"}}]");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> receiver.verify(2, postRequestedFor(urlPathEqualTo("/flaky"))));
    List<LoggedRequest> attempts = receiver.findAll(postRequestedFor(urlPathEqualTo("/flaky")));
    assertThat(attempts.get(1).getHeader("Idempotency-Key"))
        .isEqualTo(attempts.get(0).getHeader("Idempotency-Key"));
    Thread.sleep(1500);
    receiver.verify(2, postRequestedFor(urlPathEqualTo("/flaky")));
  }

  @Test
  void aClientErrorGoesToTheDeadLetterTopicWithTheReasonAndNoSecret() throws Exception {
    receiver.stubFor(
        post(urlPathEqualTo("/refusing"))
            .willReturn(aResponse().withStatus(400).withBody("unknown channel")));
    TestStacks.publishConfig(
        stack,
        "refused-tenant",
        TestStacks.webhookConfig(receiver.baseUrl() + "/refusing?token=s3cret")
            .replace("group_interval: 1s", "group_interval: 1m"));

    TestStacks.postAlerts(stack, "refused-tenant", "[{\"labels\":{\"alertname\":\"Refused\"}}]");

    ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter("refused-tenant");
    String reason = TestStacks.header(dead, "__connect.errors.exception.message");
    assertThat(reason)
        .contains("unexpected status code 400: unknown channel")
        .doesNotContain("s3cret");
    assertThat(TestStacks.header(dead, "__connect.errors.topic"))
        .isEqualTo(Topics.notifications("webhook"));
    // Not retried by the connector; the group's next flush tries again (NotificationLogIT), a
    // minute from now, so the one request seen is the connector's only attempt.
    receiver.verify(1, postRequestedFor(urlPathEqualTo("/refusing")));
  }

  private static ConsumerRecord<byte[], byte[]> awaitDeadLetter(String tenant) {
    return TestStacks.awaitRecord(stack, EmbeddedConnect.DLQ_TOPIC, tenant, r -> true);
  }
}
