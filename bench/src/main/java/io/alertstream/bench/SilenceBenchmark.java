package io.alertstream.bench;

import io.alertstream.topology.silences.Silence;
import io.alertstream.topology.silences.SilenceSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whether an alert is silenced, in the cases of Alertmanager's silence benchmark
 * (silence_bench_test.go, BenchmarkMutes): n active silences, the last one (regex matchers) muting
 * the alert.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SilenceBenchmark {

  private static final long NOW = 1_800_000_000_000L;

  @Param({"1", "10", "100", "1000", "10000"})
  public int silences;

  private SilenceSet set;
  private final Map<String, String> alert =
      Map.of("alertname", "HighLatency", "service", "api", "instance", "host-7:9100");

  @Setup
  public void setup() {
    List<Silence> all = new ArrayList<>();
    for (int s = 0; s < silences; s++) {
      // All but the last silence another service; the last one this alert's.
      String service = s == silences - 1 ? "api" : "svc-" + s;
      all.add(
          new Silence(
              "silence-" + s,
              List.of("alertname=~\"High.*\"", "service=\"" + service + "\""),
              NOW - 60_000,
              NOW + 3_600_000,
              "bench",
              "benchmark",
              NOW - 60_000,
              false,
              null));
    }
    set = new SilenceSet(all, NOW);
    if (set.silencedBy(alert).isEmpty()) {
      throw new IllegalStateException("the last silence should mute the alert");
    }
  }

  @Benchmark
  public Optional<String> mutes() {
    return set.silencedBy(alert);
  }
}
