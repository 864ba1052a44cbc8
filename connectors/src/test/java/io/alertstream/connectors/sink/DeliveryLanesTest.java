package io.alertstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryLanesTest {

  private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aRetryingLaneHoldsItsOwnJobsInOrderWhileOtherLanesGoOn() {
    List<String> done = new CopyOnWriteArrayList<>();
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    DeliveryLanes<String> lanes =
        new DeliveryLanes<>(
            executor,
            4,
            8,
            job -> {
              int n = attempts.computeIfAbsent(job, j -> new AtomicInteger()).incrementAndGet();
              if (job.equals("down-1") && n < 4) {
                return Optional.of(Duration.ofMillis(100));
              }
              done.add(job);
              return Optional.empty();
            });

    lanes.submit("t-down", "down", "g", "down-1");
    lanes.submit("t-down", "down", "g", "down-2");
    for (int i = 1; i <= 3; i++) {
      lanes.submit("t-up", "up", "g", "up-" + i);
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> lanes.pending() == 0);
    assertThat(done).containsSubsequence("up-1", "up-2", "up-3");
    assertThat(done).containsSubsequence("down-1", "down-2");
    assertThat(done.indexOf("up-3")).isLessThan(done.indexOf("down-1"));
    assertThat(attempts.get("down-1")).hasValue(4);
    assertThat(attempts.get("down-2")).hasValue(1);
  }

  @Test
  void droppedJobsAreNotAttempted() throws Exception {
    List<String> done = new CopyOnWriteArrayList<>();
    DeliveryLanes<String> lanes =
        new DeliveryLanes<>(
            executor,
            4,
            8,
            job -> {
              if (job.equals("slow")) {
                sleep(300);
              }
              done.add(job);
              return Optional.empty();
            });
    lanes.submit("t-a", "a", "g", "slow");
    lanes.submit("t-a", "a", "g", "lost");
    Thread.sleep(50);

    lanes.drop(job -> job.equals("lost"));

    await().atMost(Duration.ofSeconds(5)).until(() -> lanes.pending() == 0);
    assertThat(done).containsExactly("slow");
  }

  /** An attempt that holds jobs with a prefix until released, counting those it holds at once. */
  private static final class Holding implements DeliveryLanes.Attempt<String> {
    final String prefix;
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final List<String> done = new CopyOnWriteArrayList<>();

    Holding(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Optional<Duration> apply(String job) {
      if (job.startsWith(prefix)) {
        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
        waitFor(release);
        running.decrementAndGet();
      }
      done.add(job);
      return Optional.empty();
    }

    /** The held jobs fill {@code limit} slots while {@code others} finish; then all finish. */
    void assertHeldAtMostWhileOthersFinish(
        DeliveryLanes<String> lanes, int limit, List<String> others, int total) throws Exception {
      await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == limit);
      await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == others.size());
      assertThat(done).containsExactlyInAnyOrderElementsOf(others);
      Thread.sleep(100);
      assertThat(peak).hasValue(limit);

      release.countDown();
      await().atMost(Duration.ofSeconds(5)).until(() -> lanes.pending() == 0);
      assertThat(done).hasSize(total);
      assertThat(peak).hasValue(limit);
    }
  }

  @Test
  void groupsOfOneDestinationGoOutConcurrentlyUpToItsLimit() throws Exception {
    ScheduledExecutorService wide = Executors.newScheduledThreadPool(8);
    Holding hang = new Holding("hang");
    try {
      DeliveryLanes<String> lanes = new DeliveryLanes<>(wide, 3, 8, hang);
      for (int g = 0; g < 6; g++) {
        lanes.submit("t-hanging", "hanging", "group-" + g, "hang-" + g);
      }
      lanes.submit("t-other", "other", "group-0", "other-1");
      lanes.submit("t-other", "other", "group-0", "other-2");

      hang.assertHeldAtMostWhileOthersFinish(lanes, 3, List.of("other-1", "other-2"), 8);
      assertThat(hang.done.subList(0, 2)).containsExactly("other-1", "other-2");
    } finally {
      wide.shutdownNow();
    }
  }

  @Test
  void oneTenantsDestinationsTogetherHoldAtMostItsLimitWhileAnotherTenantGoesOn() throws Exception {
    ScheduledExecutorService wide = Executors.newScheduledThreadPool(8);
    Holding slow = new Holding("slow");
    try {
      DeliveryLanes<String> lanes = new DeliveryLanes<>(wide, 2, 3, slow);
      // Tenant "slow" has four receivers, each with two groups: eight lanes, three may run.
      for (int r = 0; r < 4; r++) {
        for (int g = 0; g < 2; g++) {
          lanes.submit("slow", "slow/r" + r, "group-" + g, "slow-r" + r + "-g" + g);
        }
      }
      lanes.submit("calm", "calm/r0", "group-0", "calm-1");
      lanes.submit("calm", "calm/r0", "group-1", "calm-2");

      slow.assertHeldAtMostWhileOthersFinish(lanes, 3, List.of("calm-1", "calm-2"), 10);
    } finally {
      wide.shutdownNow();
    }
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
