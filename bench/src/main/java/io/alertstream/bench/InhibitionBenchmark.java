package io.alertstream.bench;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.inhibition.InhibitRule;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.inhibition.Inhibitor;
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
 * Whether an alert is inhibited, in the cases of Alertmanager's inhibition benchmark
 * (inhibit_bench_test.go): many rules with the last one matching, and one rule with many inhibiting
 * alerts of which the last one has the target's {@code equal} labels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InhibitionBenchmark {

  private static final long NOW = 1_800_000_000_000L;

  @Param({
    "1 inhibition rule; 1 inhibiting alert",
    "10 inhibition rules; last rule matches",
    "100 inhibition rules; last rule matches",
    "1000 inhibition rules; last rule matches",
    "10000 inhibition rules; last rule matches",
    "1 inhibition rule; 10 inhibiting alerts",
    "1 inhibition rule; 100 inhibiting alerts",
    "1 inhibition rule; 1000 inhibiting alerts",
    "1 inhibition rule; 10000 inhibiting alerts"
  })
  public String scenario;

  private Inhibitor inhibitor;
  private Alert target;

  @Setup
  public void setup() throws Exception {
    String[] parts = scenario.split("; ");
    int rules = Integer.parseInt(parts[0].split(" ")[0]);
    int sources = parts[1].startsWith("last") ? 1 : Integer.parseInt(parts[1].split(" ")[0]);
    StringBuilder yaml =
        new StringBuilder("route: {receiver: r}\nreceivers: [{name: r}]\ninhibit_rules:\n");
    for (int r = 0; r < rules; r++) {
      yaml.append("  - source_matchers: ['src=\"")
          .append(r)
          .append("\"']\n    target_matchers: ['dst=\"1\"']\n    equal: [instance]\n");
    }
    List<InhibitRule> parsed = new ConfigParser().parse(yaml.toString()).inhibitRules();
    // The firing sources match the last rule; all but the last have another instance.
    List<Alert> alerts = new ArrayList<>();
    for (int s = 0; s < sources; s++) {
      String instance = s == sources - 1 ? "host-1" : "host-" + (s + 2);
      alerts.add(
          alert(
              Map.of(
                  "alertname",
                  "Src" + s,
                  "src",
                  Integer.toString(rules - 1),
                  "instance",
                  instance)));
    }
    inhibitor = new Inhibitor(parsed, alerts, NOW);
    target = alert(Map.of("alertname", "Target", "dst", "1", "instance", "host-1"));
    if (inhibitor.inhibitedBy(target).isEmpty()) {
      throw new IllegalStateException(scenario + ": the target should be inhibited");
    }
  }

  private static Alert alert(Map<String, String> labels) {
    return Alert.received(AlertEvent.newBuilder().setLabels(labels).build(), NOW, 300_000);
  }

  @Benchmark
  public Optional<Inhibitor.Inhibition> mutes() {
    return inhibitor.inhibition(target);
  }
}
