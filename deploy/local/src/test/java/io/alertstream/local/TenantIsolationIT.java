package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One tenant's endpoint answers 500 for two minutes. The other tenant, on the same partition of the
 * notifications topic, has its notifications, sent throughout, arrive on time; the failing tenant's
 * arrive once its endpoint recovers, each once.
 */
class TenantIsolationIT {

  private static final Duration OUTAGE = Duration.ofSeconds(120);
  private static final WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    peer.start();
    stack = TestStacks.shared();
  }

  @AfterAll
  static void stop() {
    peer.stop();
  }

  /** A tenant id whose records land on the same partition as {@code other}'s. */
  private static String onTheSamePartitionAs(String other, String prefix) {
    int partitions = TestStacks.PARTITIONS;
    int target = partitionOf(other, partitions);
    for (int i = 0; ; i++) {
      if (partitionOf(prefix + i, partitions) == target) {
        return prefix + i;
      }
    }
  }

  private static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  @Test
  void aFailingTenantDoesNotDelayAnotherAndIsDeliveredOnceItRecovers() throws Exception {
    String up = onTheSamePartitionAs("iso-down", "iso-up-");
    var outage =
        peer.stubFor(post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(500)));
    peer.stubFor(post(urlPathEqualTo("/up")).willReturn(aResponse().withStatus(200)));
    TestStacks.publishConfig(stack, "iso-down", TestStacks.webhookConfig(peer.baseUrl() + "/down"));
    TestStacks.publishConfig(stack, up, TestStacks.webhookConfig(peer.baseUrl() + "/up"));

    for (int i = 0; i < 3; i++) {
      TestStacks.postAlerts(stack, "iso-down", "[{\"labels\":{\"alertname\":\"Down" + i + "\"}}]");
    }
    long outageStart = System.currentTimeMillis();
    List<Long> healthyLatenciesMs = new ArrayList<>();
    int sent = 0;
    while (System.currentTimeMillis() - outageStart < OUTAGE.toMillis()) {
      long postedAt = System.currentTimeMillis();
      TestStacks.postAlerts(stack, up, "[{\"labels\":{\"alertname\":\"Up" + sent + "\"}}]");
      sent++;
      int expected = sent;
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> peer.findAll(postRequestedFor(urlPathEqualTo("/up"))).size() >= expected);
      healthyLatenciesMs.add(System.currentTimeMillis() - postedAt);
      Thread.sleep(Math.max(0, 10_000 - (System.currentTimeMillis() - postedAt)));
    }
    int failedAttempts = peer.findAll(postRequestedFor(urlPathEqualTo("/down"))).size();

    peer.removeStub(outage);
    peer.stubFor(post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(200)));
    long recoveredAt = System.currentTimeMillis();
    await().atMost(Duration.ofSeconds(30)).until(() -> deliveredAfter(recoveredAt).size() >= 3);
    Thread.sleep(3000);

    System.out.printf(
        "tenant isolation: %d healthy notifications during a %d s outage, latency max %d ms,"
            + " all %s; failing tenant: %d failed attempts, delivered %d ms after recovery%n",
        sent,
        OUTAGE.toSeconds(),
        healthyLatenciesMs.stream().mapToLong(Long::longValue).max().orElse(0),
        healthyLatenciesMs,
        failedAttempts,
        deliveredAfter(recoveredAt).stream()
                .mapToLong(r -> r.getLoggedDate().getTime())
                .max()
                .orElse(0)
            - recoveredAt);
    assertThat(failedAttempts).isGreaterThan(3);
    assertThat(healthyLatenciesMs).hasSize(sent).allMatch(ms -> ms < 3000);
    Map<String, Long> perKey =
        deliveredAfter(recoveredAt).stream()
            .collect(
                Collectors.groupingBy(r -> r.getHeader("Idempotency-Key"), Collectors.counting()));
    assertThat(perKey).hasSize(3).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
    Map<String, Long> healthyPerKey =
        peer.findAll(postRequestedFor(urlPathEqualTo("/up"))).stream()
            .map(r -> r.getHeader("Idempotency-Key"))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(healthyPerKey)
        .hasSize(sent)
        .allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
  }

  private static List<LoggedRequest> deliveredAfter(long recoveredAt) {
    return peer.findAll(postRequestedFor(urlPathEqualTo("/down"))).stream()
        .filter(r -> r.getLoggedDate().getTime() >= recoveredAt)
        .toList();
  }
}
