package io.alertstream.bench;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.routing.Route;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.grouping.FlushContext;
import io.alertstream.topology.grouping.FlushResult;
import io.alertstream.topology.grouping.GroupFlush;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.grouping.NotificationLogKey;
import io.alertstream.topology.inhibition.Inhibitor;
import io.alertstream.topology.nflog.NotificationLogEntry;
import io.alertstream.topology.silences.SilenceSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * One aggregation group's flush, without the stores: read its alerts, check inhibition and
 * silences, consult the notification log, build the notification and the decisions. "first flush"
 * notifies every alert; "nothing changed" is a group_interval flush that the notification log
 * dedups (the common case of a long-firing group).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GroupFlushBenchmark {

  private static final long NOW = 1_800_000_000_000L;
  private static final String CONFIG =
      """
      route:
        receiver: team
        group_by: [alertname, cluster]
      receivers:
        - name: team
          webhook_configs: [{url: 'http://hook.example/a'}]
      inhibit_rules:
        - source_matchers: ['severity="critical"']
          target_matchers: ['severity="warning"']
          equal: [cluster]
      """;

  @Param({
    "first flush; 1 alert",
    "first flush; 10 alerts",
    "first flush; 100 alerts",
    "first flush; 1000 alerts",
    "nothing changed; 10 alerts",
    "nothing changed; 1000 alerts"
  })
  public String scenario;

  private GroupState group;
  private FlushContext context;

  @Setup
  public void setup() throws Exception {
    String[] parts = scenario.split("; ");
    int size = Integer.parseInt(parts[1].split(" ")[0]);
    AlertmanagerConfig config = new ConfigParser().parse(CONFIG);
    Route route = config.route();
    Map<String, Alert> alerts = new HashMap<>();
    for (int i = 0; i < size; i++) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("alertname", "HighLatency");
      labels.put("cluster", "eu-1");
      labels.put("instance", "10.0.0." + i + ":9100");
      labels.put("job", "node");
      labels.put("severity", "warning");
      labels.put("namespace", "payments");
      labels.put("pod", "api-" + i);
      labels.put("team", "checkout");
      AlertEvent event =
          AlertEvent.newBuilder()
              .setLabels(labels)
              .setAnnotations(Map.of("summary", "p99 above 1s", "runbook_url", "http://rb/x"))
              .build();
      Alert alert = Alert.received(event, NOW - 60_000, 3_600_000);
      alerts.put(alert.fingerprint(), alert);
    }
    Map<String, String> groupLabels = route.groupLabels(alerts.values().iterator().next().labels());
    group =
        new GroupState(
            "0",
            route.groupKey(groupLabels),
            groupLabels,
            "team",
            Set.copyOf(alerts.keySet()),
            NOW,
            false);
    Map<NotificationLogKey, NotificationLogEntry> log = new HashMap<>();
    context =
        new FlushContext(
            "tenant-1",
            1,
            "http://alertstream.example",
            route,
            config.receiver("team").orElseThrow(),
            config.timeIntervals(),
            new Inhibitor(config.inhibitRules(), alerts.values(), NOW),
            new SilenceSet(List.of(), NOW),
            alerts::get,
            log::get,
            false);
    FlushResult first = GroupFlush.flush(group, context, NOW);
    if (first.notifications().size() != 1) {
      throw new IllegalStateException(scenario + ": the first flush should notify once");
    }
    if (parts[0].equals("nothing changed")) {
      log.putAll(first.logUpdates());
      group = first.group();
      if (!GroupFlush.flush(group, context, NOW + 300_000).notifications().isEmpty()) {
        throw new IllegalStateException(scenario + ": the log should dedup the flush");
      }
    }
  }

  @Benchmark
  public FlushResult flush() {
    return GroupFlush.flush(group, context, NOW + 300_000);
  }
}
