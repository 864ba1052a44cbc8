package io.alertstream.bench.compare;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a workload's alerts to an Alertmanager API v2 endpoint in batches of 64, from a few
 * concurrent senders as many rule evaluators would, as fast as the endpoint answers.
 */
final class HttpLoad {

  private static final int SENDERS = 4;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String alertsUrl;
  private final boolean tenantHeader;

  /**
   * When each batch's alerts started: the time of their first send, kept for re-sends as a ruler
   * does. (An alert that started longer than group_wait ago makes its group flush at once.)
   */
  private final java.util.Map<String, String> startsAt =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final java.util.Map<String, Long> sentAts =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param tenantHeader send X-Scope-OrgID (Alertstream); Alertmanager has one tenant and gets the
   *     tenant as a label only
   */
  HttpLoad(String baseUrl, boolean tenantHeader) {
    this.alertsUrl = baseUrl + "/api/v2/alerts";
    this.tenantHeader = tenantHeader;
  }

  /** One POST of a body of {@code workload}'s tenant {@code tenant}. */
  HttpResponse<String> post(Workload workload, int tenant, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(alertsUrl))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (tenantHeader) {
      request.header("X-Scope-OrgID", workload.tenant(tenant));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** When the batch starting at alert {@code first} of the tenant first started (now if never). */
  String startedAt(Workload workload, int generation, int tenant, int first) {
    return startsAt.computeIfAbsent(
        workload.prefix() + generation + "/" + tenant + "/" + first, k -> Instant.now().toString());
  }

  /**
   * The {@code sent_at} annotation of the batch starting at alert {@code first} of the tenant: when
   * it was first sent. A re-send carries the same annotations, as a ruler's would (unless its
   * templates change), so it only moves the alerts' ends.
   */
  long sentAt(Workload workload, int generation, int tenant, int first) {
    return sentAts.computeIfAbsent(
        workload.prefix() + generation + "/" + tenant + "/" + first,
        k -> System.currentTimeMillis());
  }

  /** Sends every alert of the workload once; returns ms until the last POST was answered. */
  long sendAll(Workload workload, int generation) throws Exception {
    return sendAll(workload, generation, null);
  }

  /** As above, the alerts resolved at {@code endsAt} when given. */
  long sendAll(Workload workload, int generation, String endsAt) throws Exception {
    AtomicInteger failures = new AtomicInteger();
    String firstFailure[] = {null};
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    long start = System.nanoTime();
    try {
      List<Future<?>> sent = new ArrayList<>();
      List<List<Integer>> batches = workload.batches();
      // Interleave tenants, as many rulers would.
      for (List<Integer> batch : batches) {
        for (int t = 0; t < workload.tenants(); t++) {
          int tenant = t;
          sent.add(
              senders.submit(
                  () -> {
                    String started = startedAt(workload, generation, tenant, batch.get(0));
                    HttpResponse<String> response =
                        post(
                            workload,
                            tenant,
                            workload.json(
                                tenant,
                                batch,
                                generation,
                                sentAt(workload, generation, tenant, batch.get(0)),
                                started,
                                endsAt));
                    if (response.statusCode() != 200 && failures.getAndIncrement() == 0) {
                      firstFailure[0] = response.statusCode() + " " + response.body();
                    }
                    return null;
                  }));
        }
      }
      for (Future<?> f : sent) {
        f.get();
      }
    } finally {
      senders.shutdown();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " POSTs failed, first: " + firstFailure[0]);
    }
    return ms;
  }
}
