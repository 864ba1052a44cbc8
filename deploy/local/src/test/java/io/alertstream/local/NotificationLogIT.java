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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alertmanager's notification log on the real stack: a notification the connector gives up on is
 * withdrawn from the log, so the group's next flush (at group_interval) notifies again instead of
 * waiting for repeat_interval.
 */
class NotificationLogIT {

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
  void aRefusedNotificationIsSentAgainAtTheNextGroupIntervalNotAfterRepeatInterval()
      throws Exception {
    receiver.stubFor(
        post(urlPathEqualTo("/refuse-once"))
            .inScenario("refuse-once")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(400).withBody("bad request"))
            .willSetStateTo("accepting"));
    receiver.stubFor(
        post(urlPathEqualTo("/refuse-once"))
            .inScenario("refuse-once")
            .whenScenarioStateIs("accepting")
            .willReturn(aResponse().withStatus(200)));
    TestStacks.publishConfig(
        stack,
        "nflog-tenant",
        "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 0s\n"
            + "  group_interval: 5s\n  repeat_interval: 1h\nreceivers:\n  - name: team\n"
            + "    webhook_configs:\n      - url: '"
            + receiver.baseUrl()
            + "/refuse-once'\n");

    TestStacks.postAlerts(stack, "nflog-tenant", "[{\"labels\":{\"alertname\":\"Retried\"}}]");

    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(() -> receiver.verify(2, postRequestedFor(urlPathEqualTo("/refuse-once"))));
    List<LoggedRequest> requests =
        receiver.findAll(postRequestedFor(urlPathEqualTo("/refuse-once")));
    long gapMs =
        requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
    System.out.printf("second notification %d ms after the refused one%n", gapMs);
    // The 400 is not retried by the connector: the second request is the group's next flush.
    assertThat(gapMs).isGreaterThanOrEqualTo(4_000);
    assertThat(requests.get(1).getHeader("Idempotency-Key"))
        .isNotEqualTo(requests.get(0).getHeader("Idempotency-Key"));
    assertThat(requests.get(1).getBodyAsString()).contains("\"Retried\"");

    // Delivered now: the log entry stands, nothing more until repeat_interval.
    Thread.sleep(11_000);
    receiver.verify(2, postRequestedFor(urlPathEqualTo("/refuse-once")));
  }
}
