package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * group_wait and group_interval measured end to end: HTTP in, the real broker and topology, the
 * webhook connector, a real HTTP receiver. Alertmanager would notify at 2 s and 5 s.
 */
class GroupTimingIT {

  private static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    receiver.start();
    receiver.stubFor(post(urlPathEqualTo("/timing")).willReturn(aResponse().withStatus(200)));
    stack = TestStacks.shared();
    TestStacks.publishConfig(
        stack,
        "timing",
        "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 2s\n  group_interval: 3s\n"
            + "receivers:\n  - name: team\n    webhook_configs:\n      - url: '"
            + receiver.baseUrl()
            + "/timing'\n");
  }

  @AfterAll
  static void stop() {
    receiver.stop();
  }

  @Test
  void notificationsArriveAtGroupWaitThenAtGroupInterval() throws Exception {
    long t0 = System.currentTimeMillis();
    TestStacks.postAlerts(
        stack, "timing", "[{\"labels\":{\"alertname\":\"Timing\",\"instance\":\"a\"}}]");
    Thread.sleep(2500);
    TestStacks.postAlerts(
        stack, "timing", "[{\"labels\":{\"alertname\":\"Timing\",\"instance\":\"b\"}}]");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> receiver.verify(2, postRequestedFor(urlPathEqualTo("/timing"))));
    List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlPathEqualTo("/timing")));
    double first = (requests.get(0).getLoggedDate().getTime() - t0) / 1000.0;
    double second = (requests.get(1).getLoggedDate().getTime() - t0) / 1000.0;
    System.out.printf(
        "group_wait 2 s -> notified at %.3f s; group_interval 3 s -> at %.3f s%n", first, second);

    assertThat(first).isCloseTo(2.0, within(0.5));
    assertThat(second).isCloseTo(5.0, within(0.5));
    assertThat(requests.get(1).getBodyAsString())
        .contains("\"instance\":\"a\"")
        .contains("\"instance\":\"b\"");
  }
}
