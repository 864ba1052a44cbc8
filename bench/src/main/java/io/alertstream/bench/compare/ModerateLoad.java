package io.alertstream.bench.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Steady load as rulers give it between storms: the active set re-sent at a fixed rate while a few
 * new groups open every second. The new alerts' time past group_wait to the webhook is what an
 * on-call engineer waits at moderate load.
 */
final class ModerateLoad {

  /** Re-sent alerts per second. */
  static final int RESENT_PER_SECOND = 2_500;

  /** New alerts per second, each opening its own group. */
  static final int NEW_GROUPS_PER_SECOND = 10;

  private static final int STEPS_PER_SECOND = 10;

  private ModerateLoad() {}

  /**
   * Runs for {@code duration}; returns how many new alerts (new groups) it sent. Their generation
   * starts at {@code firstGeneration}, one each, so that every one opens a group.
   */
  static int run(HttpLoad http, Workload w, Duration duration, int firstGeneration)
      throws Exception {
    List<List<Integer>> batches = w.batches();
    int resendPerStep = RESENT_PER_SECOND / STEPS_PER_SECOND;
    int newPerStep = NEW_GROUPS_PER_SECOND / STEPS_PER_SECOND;
    AtomicInteger failures = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    int steps = (int) (duration.toMillis() * STEPS_PER_SECOND / 1000);
    AtomicInteger step = new AtomicInteger();
    AtomicInteger cursor = new AtomicInteger();
    AtomicInteger created = new AtomicInteger();
    try {
      clock
          .scheduleAtFixedRate(
              () -> {
                int s = step.getAndIncrement();
                if (s >= steps) {
                  throw new IllegalStateException("done"); // ends the schedule
                }
                for (int sent = 0; sent < resendPerStep; ) {
                  int next = cursor.getAndIncrement();
                  int tenant = next % w.tenants();
                  List<Integer> batch = batches.get((next / w.tenants()) % batches.size());
                  sent += batch.size();
                  senders.submit(() -> post(http, w, tenant, batch, 0, failures));
                }
                for (int k = 0; k < newPerStep; k++) {
                  int generation = firstGeneration + created.getAndIncrement();
                  senders.submit(() -> post(http, w, 0, List.of(0), generation, failures));
                }
              },
              0,
              1000 / STEPS_PER_SECOND,
              TimeUnit.MILLISECONDS)
          .get(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException done) {
      // the schedule ended after its last step
    } finally {
      clock.shutdownNow();
      senders.shutdown();
      senders.awaitTermination(60, TimeUnit.SECONDS);
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " POSTs failed in the moderate load");
    }
    return created.get();
  }

  /**
   * Resolves the new alerts a run made ({@code count} of them from {@code firstGeneration}), so
   * that their groups do not go on flushing (the warm-up's groups flush every second).
   */
  static void resolve(HttpLoad http, Workload w, int firstGeneration, int count) throws Exception {
    String now = Instant.now().toString();
    for (int g = firstGeneration; g < firstGeneration + count; g++) {
      var response =
          http.post(w, 0, w.json(0, List.of(0), g, System.currentTimeMillis(), now, now));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("resolving a moderate-load alert: " + response.body());
      }
    }
  }

  private static Void post(
      HttpLoad http,
      Workload w,
      int tenant,
      List<Integer> batch,
      int generation,
      AtomicInteger failures)
      throws Exception {
    boolean resend = generation == 0;
    String started = resend ? http.startedAt(w, 0, tenant, batch.get(0)) : Instant.now().toString();
    long sentAt = resend ? http.sentAt(w, 0, tenant, batch.get(0)) : System.currentTimeMillis();
    var response = http.post(w, tenant, w.json(tenant, batch, generation, sentAt, started));
    if (response.statusCode() != 200) {
      failures.incrementAndGet();
    }
    return null;
  }
}
