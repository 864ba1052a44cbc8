package io.alertstream.bench;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.routing.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Route matching on a 100-route tree (10 team routes of 9 children each, equality, regex and
 * negative matchers, some continue) with alerts of 10 labels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouteMatchBenchmark {

  private static final int TEAMS = 10;
  private static final String[] SEVERITIES = {"critical", "warning", "info"};
  private static final String[] SERVICES = {
    "api", "db", "cache", "queue", "web", "auth", "search", "batch"
  };

  private Route root;
  private List<Map<String, String>> alerts;
  private List<Map<String, String>> unrouted;
  private int next;

  @Setup
  public void setup() throws Exception {
    root = new ConfigParser().parse(config()).route();
    Random random = new Random(42);
    alerts = new ArrayList<>();
    unrouted = new ArrayList<>();
    for (int i = 0; i < 1024; i++) {
      alerts.add(alert(random, "team-" + random.nextInt(TEAMS)));
      unrouted.add(alert(random, "nobody"));
    }
  }

  private static Map<String, String> alert(Random random, String team) {
    Map<String, String> labels = new HashMap<>();
    labels.put("alertname", "Alert" + random.nextInt(50));
    labels.put("team", team);
    labels.put("severity", SEVERITIES[random.nextInt(SEVERITIES.length)]);
    labels.put("service", SERVICES[random.nextInt(SERVICES.length)]);
    labels.put("env", random.nextBoolean() ? "prod" : "staging");
    labels.put("cluster", "eu-" + random.nextInt(4));
    labels.put("namespace", "ns-" + random.nextInt(20));
    labels.put("pod", "pod-" + random.nextInt(1000));
    labels.put("instance", "10.0." + random.nextInt(255) + "." + random.nextInt(255) + ":9090");
    labels.put("job", "job-" + random.nextInt(10));
    return labels;
  }

  /** 1 root + 10 team routes + 10 × 9 children = 101 routes. */
  static String config() {
    StringBuilder yaml =
        new StringBuilder("route:\n  receiver: default\n  group_by: [alertname]\n  routes:\n");
    List<String> receivers = new ArrayList<>(List.of("default"));
    for (int t = 0; t < TEAMS; t++) {
      String team = "team-" + t;
      receivers.add(team);
      yaml.append("    - matchers: ['team=\"").append(team).append("\"']\n");
      yaml.append("      receiver: ").append(team).append("\n      routes:\n");
      for (int c = 0; c < 9; c++) {
        String receiver = team + "-" + c;
        receivers.add(receiver);
        String service = SERVICES[c % SERVICES.length];
        String matcher =
            switch (c % 3) {
              case 0 -> "service=\"" + service + "\", severity=\"critical\"";
              case 1 -> "service=~\"" + service + "|" + service + "-.*\", env!=\"staging\"";
              default -> "severity=~\"warning|info\", service!~\"" + service + "\"";
            };
        yaml.append("        - matchers: ['").append(matcher).append("']\n");
        yaml.append("          receiver: ").append(receiver).append('\n');
        if (c % 4 == 0) {
          yaml.append("          continue: true\n");
        }
      }
    }
    yaml.append("receivers:\n");
    receivers.forEach(r -> yaml.append("  - name: ").append(r).append('\n'));
    return yaml.toString();
  }

  @Benchmark
  public List<Route> routesOf100RoutesTreeTenLabelAlert() {
    return root.match(alerts.get(next++ & 1023));
  }

  @Benchmark
  public List<Route> routesOf100RoutesTreeNoTeamMatches() {
    return root.match(unrouted.get(next++ & 1023));
  }
}
