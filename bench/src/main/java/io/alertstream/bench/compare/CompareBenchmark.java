package io.alertstream.bench.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same workload against Debian's Alertmanager 0.25 and Alertstream's local launcher, one after
 * the other on this machine, every process of each system counted; prints a table with the ratio
 * per figure and writes it to bench/target/compare.md.
 *
 * <p>Run: {@code bench/run compare quick} (10,000 alerts over 10 tenants, under 3 minutes) or
 * {@code bench/run compare full} (also 50,000 over 100).
 */
public final class CompareBenchmark {

  private static final Duration GROUP_WAIT = Duration.ofSeconds(2);

  private final boolean quick;
  private final Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
  private final Map<String, Boolean> higherIsBetter = new LinkedHashMap<>();

  private CompareBenchmark(boolean quick) {
    this.quick = quick;
  }

  public static void main(String[] args) throws Exception {
    boolean quick = args.length == 0 || args[0].equals("quick");
    if (!Files.isExecutable(AlertmanagerSystem.BINARY)) {
      System.err.println(
          "compare needs Debian's Alertmanager: apt-get install prometheus-alertmanager");
      System.exit(2);
    }
    List<Workload> sizes = new ArrayList<>(List.of(new Workload(10, 1000)));
    if (!quick) {
      sizes.add(new Workload(100, 500));
    }
    CompareBenchmark bench = new CompareBenchmark(quick);
    long start = System.nanoTime();
    Path dir = Files.createTempDirectory("alertstream-compare");
    for (Workload size : sizes) {
      if (!List.of(args).contains("--only=alertstream")) {
        try (var am = new AlertmanagerSystem(dir.resolve("am-" + size.alerts()))) {
          bench.run(am, size);
        }
      }
      if (!List.of(args).contains("--only=alertmanager")) {
        try (var as = new AlertstreamSystem(dir.resolve("as-" + size.alerts()))) {
          bench.run(as, size);
        }
      }
    }
    String table = bench.table(sizes);
    System.out.println();
    System.out.println(table);
    System.out.printf(
        "(%s mode, %.0f s)%n", quick ? "quick" : "full", (System.nanoTime() - start) / 1e9);
    Files.createDirectories(Path.of("bench/target"));
    Files.writeString(Path.of("bench/target/compare.md"), table);
    System.exit(0); // the HTTP clients' threads would keep the JVM up a while
  }

  private void run(SystemUnderTest sut, Workload w) throws Exception {
    String size = String.format(Locale.ROOT, "%,d alerts / %d tenants", w.alerts(), w.tenants());
    System.out.printf("== %s, %s%n", sut.name(), size);
    try (CountingReceiver receiver = new CountingReceiver()) {
      sut.start();
      sut.configure(w, receiver.url(), GROUP_WAIT, Duration.ofMinutes(5));
      HttpLoad http = new HttpLoad(sut.apiUrl(), sut.tenantHeader());
      warmUp(sut, w, receiver, http);
      long rssBase = ProcessMeter.rssBytes(sut.process());
      record(size, "RSS after warm-up, before alerts (MB)", sut, rssBase / 1e6, false);

      // A storm: every alert new, as fast as the API takes them, until processed.
      KafkaWrites.Snapshot writes = kafkaWrites(sut);
      long cpu = ProcessMeter.cpuMs(sut.process());
      var threads = ProcessMeter.cpuMsByThread(sut.process());
      long t0 = System.nanoTime();
      long postsMs = http.sendAll(w, 0);
      sut.awaitIngested();
      var threadsAfter = ProcessMeter.cpuMsByThread(sut.process());
      System.out.printf(
          "  (POSTs answered in %d ms; busiest threads, CPU ms: %s)%n",
          postsMs, ProcessMeter.topThreads(threads, threadsAfter, 8));
      double seconds = (System.nanoTime() - t0) / 1e9;
      long used = ProcessMeter.cpuMs(sut.process()) - cpu;
      long jit = ProcessMeter.jitMs(threads, threadsAfter);
      record(size, "HTTP ingest, storm of new alerts (alerts/s)", sut, w.alerts() / seconds, true);
      record(size, "CPU per 1,000 alerts, storm (ms)", sut, used * 1000.0 / w.alerts(), false);
      record(
          size,
          "CPU per 1,000 alerts, storm, JIT compiler threads left out (ms)",
          sut,
          (used - jit) * 1000.0 / w.alerts(),
          false);

      record(
          size,
          "alerts notified within 3 minutes (%)",
          sut,
          100.0 * awaitNotified(receiver, w.alerts()) / w.alerts(),
          true);
      record(
          size,
          "latency send to webhook minus group_wait, p50 (ms)",
          sut,
          (double) receiver.latencyPercentile(0.5) - GROUP_WAIT.toMillis(),
          false);
      record(
          size,
          "latency send to webhook minus group_wait, p99 (ms)",
          sut,
          (double) receiver.latencyPercentile(0.99) - GROUP_WAIT.toMillis(),
          false);
      // The notifications' outcomes and log entries follow the webhook's answers.
      Thread.sleep(2000);
      recordWrites(size, "new alert", sut, writes, w.alerts());

      writes = kafkaWrites(sut);

      // An evaluation: the rulers re-send the active set.
      cpu = ProcessMeter.cpuMs(sut.process());
      threads = ProcessMeter.cpuMsByThread(sut.process());
      t0 = System.nanoTime();
      http.sendAll(w, 0);
      sut.awaitIngested();
      seconds = (System.nanoTime() - t0) / 1e9;
      used = ProcessMeter.cpuMs(sut.process()) - cpu;
      threadsAfter = ProcessMeter.cpuMsByThread(sut.process());
      System.out.printf(
          "  (re-send: busiest threads, CPU ms: %s)%n",
          ProcessMeter.topThreads(threads, threadsAfter, 8));
      record(
          size,
          "HTTP ingest, re-send of the active set (alerts/s)",
          sut,
          w.alerts() / seconds,
          true);
      record(size, "CPU per 1,000 alerts, re-send (ms)", sut, used * 1000.0 / w.alerts(), false);
      recordWrites(size, "re-sent alert", sut, writes, w.alerts());

      // Moderate load: the active set re-sent at 2,500 alerts/s while 10 new groups open per
      // second.
      receiver.reset();
      writes = kafkaWrites(sut);
      Duration moderate = Duration.ofSeconds(quick ? 20 : 60);
      int opened = ModerateLoad.run(http, w, moderate, 1_000_000);
      awaitNotified(receiver, opened);
      record(
          size,
          "moderate load: latency of new groups past group_wait, p50 (ms)",
          sut,
          (double) receiver.latencyPercentile(0.5) - GROUP_WAIT.toMillis(),
          false);
      record(
          size,
          "moderate load: latency of new groups past group_wait, p99 (ms)",
          sut,
          (double) receiver.latencyPercentile(0.99) - GROUP_WAIT.toMillis(),
          false);
      System.out.printf(
          "  (moderate load: slowest past group_wait, UTC: %s)%n",
          receiver.slowest(8, GROUP_WAIT.toMillis()));
      recordWrites(
          size,
          "moderate-load alert",
          sut,
          writes,
          (int)
              (moderate.toSeconds()
                  * (ModerateLoad.RESENT_PER_SECOND + ModerateLoad.NEW_GROUPS_PER_SECOND)));

      // Idle with every group open.
      Thread.sleep(quick ? 3000 : 10_000);
      long idleWindowMs = quick ? 10_000 : 30_000;
      cpu = ProcessMeter.cpuMs(sut.process());
      threads = ProcessMeter.cpuMsByThread(sut.process());
      Thread.sleep(idleWindowMs);
      used = ProcessMeter.cpuMs(sut.process()) - cpu;
      threadsAfter = ProcessMeter.cpuMsByThread(sut.process());
      System.out.printf(
          "  (idle: busiest threads, CPU ms: %s)%n",
          ProcessMeter.topThreads(threads, threadsAfter, 8));
      jit = ProcessMeter.jitMs(threads, threadsAfter);
      record(
          size,
          String.format(Locale.ROOT, "idle CPU with %,d groups (%% of a core)", w.groups()),
          sut,
          100.0 * used / idleWindowMs,
          false);
      record(
          size,
          String.format(
              Locale.ROOT,
              "idle CPU with %,d groups, JIT compiler threads left out (%% of a core)",
              w.groups()),
          sut,
          100.0 * (used - jit) / idleWindowMs,
          false);
      long rss = ProcessMeter.rssBytes(sut.process());
      record(
          size,
          "RSS growth per active alert (bytes)",
          sut,
          (double) (rss - rssBase) / w.alerts(),
          false);
      record(
          size,
          "state on disk per active alert (bytes)",
          sut,
          (double) sut.stateBytes() / w.alerts(),
          false);

      if (sut instanceof AlertstreamSystem as) {
        cpu = ProcessMeter.cpuMs(sut.process());
        t0 = System.nanoTime();
        KafkaLoad.produceBatches(as.bootstrapServers(), as.registryUrl(), w, 1);
        sut.awaitIngested();
        seconds = (System.nanoTime() - t0) / 1e9;
        used = ProcessMeter.cpuMs(sut.process()) - cpu;
        record(
            size,
            "Kafka ingest, new alerts in Avro batches (alerts/s)",
            sut,
            w.alerts() / seconds,
            true);
        record(
            size,
            "CPU per 1,000 alerts, Kafka ingest (ms)",
            sut,
            used * 1000.0 / w.alerts(),
            false);
        record(
            size,
            "reference: raw produce + consume of the same records (alerts/s)",
            sut,
            RawKafka.produceAndConsume(as.bootstrapServers(), as.registryUrl(), w),
            true);
      }

      Duration restart = sut.restart(w);
      record(size, "restart: until serving again (s)", sut, restart.toMillis() / 1000.0, false);
    } finally {
      sut.close();
    }
  }

  /**
   * The same load once on other tenants (a storm, then a spell of moderate load), then resolved, so
   * that the measured phases find the system as it runs for days (a JVM's code compiled,
   * connections open), not as it starts. The moderate load is part of it because it runs code the
   * storm does not (a transaction per flush, small fetches): without it the JIT compiled about
   * 1,500 methods with C2 during the measured moderate phase (JFR, session 11).
   */
  private void warmUp(SystemUnderTest sut, Workload w, CountingReceiver receiver, HttpLoad http)
      throws Exception {
    Workload warm = w.named("warm-");
    sut.configure(warm, receiver.url(), Duration.ofMillis(500), Duration.ofSeconds(1));
    long t0 = System.nanoTime();
    http.sendAll(warm, 0);
    sut.awaitIngested();
    awaitNotified(receiver, warm.alerts());
    receiver.reset();
    int opened = ModerateLoad.run(http, warm, Duration.ofSeconds(quick ? 10 : 20), 5_000_000);
    awaitNotified(receiver, opened);
    ModerateLoad.resolve(http, warm, 5_000_000, opened);
    http.sendAll(warm, 0, java.time.Instant.now().toString());
    sut.awaitIngested();
    Thread.sleep(5000);
    receiver.reset();
    System.out.printf("  (warm-up took %.0f s)%n", (System.nanoTime() - t0) / 1e9);
  }

  /** Waits until every alert has been notified, or 3 minutes; returns how many were. */
  private static int awaitNotified(CountingReceiver receiver, int alerts)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    long report = System.nanoTime();
    while (receiver.alertsSeen() < alerts) {
      if (System.nanoTime() > deadline) {
        System.out.printf(
            "  (only %d of %d alerts notified in 3 minutes: %s)%n",
            receiver.alertsSeen(), alerts, receiver.received());
        return receiver.alertsSeen();
      }
      if (System.nanoTime() - report > 10e9) {
        System.out.printf("  (%d of %d alerts notified so far)%n", receiver.alertsSeen(), alerts);
        report = System.nanoTime();
      }
      Thread.sleep(50);
    }
    return receiver.alertsSeen();
  }

  private static KafkaWrites.Snapshot kafkaWrites(SystemUnderTest sut) throws Exception {
    return sut instanceof AlertstreamSystem as ? KafkaWrites.take(as.bootstrapServers()) : null;
  }

  /** Kafka records and bytes written per alert since {@code before}, over every topic. */
  private void recordWrites(
      String size, String what, SystemUnderTest sut, KafkaWrites.Snapshot before, int alerts)
      throws Exception {
    if (before == null) {
      return;
    }
    KafkaWrites.Snapshot written = kafkaWrites(sut).minus(before);
    System.out.printf("  (records per %s by topic: %s)%n", what, written.top(8, alerts));
    record(
        size,
        "Kafka records written per " + what + ", all topics",
        sut,
        written.records() / (double) alerts,
        false);
    record(
        size,
        "Kafka bytes written per " + what + ", all topics",
        sut,
        written.bytes() / (double) alerts,
        false);
  }

  private void record(
      String size, String figure, SystemUnderTest sut, double value, boolean higher) {
    // The wall clock, to find the phase in a profile of the run (ALERTSTREAM_BENCH_JFR).
    System.out.printf(Locale.ROOT, "  %s: %.1f  [%s]%n", figure, value, java.time.LocalTime.now());
    figures.computeIfAbsent(size + "|" + figure, k -> new LinkedHashMap<>()).put(sut.name(), value);
    higherIsBetter.put(figure, higher);
  }

  private String table(List<Workload> sizes) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| size | figure | Alertmanager 0.25 | Alertstream | Alertstream vs Alertmanager |\n");
    out.append("|---|---|---|---|---|\n");
    for (Map.Entry<String, Map<String, Double>> row : figures.entrySet()) {
      String[] key = row.getKey().split("\\|", 2);
      Double am = row.getValue().get("Alertmanager 0.25");
      Double as = row.getValue().get("Alertstream");
      out.append("| ")
          .append(key[0])
          .append(" | ")
          .append(key[1])
          .append(" | ")
          .append(format(am))
          .append(" | ")
          .append(format(as))
          .append(" | ")
          .append(
              ratio(
                  key[1],
                  am,
                  as,
                  figures.get(key[0] + "|HTTP ingest, storm of new alerts (alerts/s)")))
          .append(" |\n");
    }
    return out.toString();
  }

  private String ratio(String figure, Double am, Double as, Map<String, Double> httpStorm) {
    if (as == null) {
      return "";
    }
    if (am == null && figure.startsWith("Kafka ingest") && httpStorm != null) {
      am = httpStorm.get("Alertmanager 0.25");
      return am == null
          ? ""
          : String.format(Locale.ROOT, "%.1f× Alertmanager's HTTP ingest", as / am);
    }
    if (am == null || am == 0 || as == 0) {
      return "";
    }
    boolean higher = higherIsBetter.getOrDefault(figure, true);
    double factor = higher ? as / am : am / as;
    return String.format(Locale.ROOT, "%.2f× %s", factor, factor >= 1 ? "better" : "worse");
  }

  private static String format(Double value) {
    if (value == null) {
      return "–";
    }
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
