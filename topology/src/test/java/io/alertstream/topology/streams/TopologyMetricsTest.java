package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static io.alertstream.topology.streams.TopologyHarness.equal;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.tenant.RuntimeLimits;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.schemas.SilenceAction;
import io.alertstream.topology.metrics.AlertMarks.State;
import io.alertstream.topology.metrics.AlertmanagerMetrics;
import io.alertstream.topology.metrics.AlertmanagerMetrics.TenantCount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the live topology counts into the instance's metrics: alerts received by status, invalid and
 * limited ones, the alerts' states as Alertmanager's marker has them, configs applied and refused,
 * and alerts not grouped at the group limit.
 */
class TopologyMetricsTest {

  private static final String CONFIG =
      "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 1s\n"
          + "  group_interval: 1s\n  repeat_interval: 1h\n"
          + "receivers:\n  - name: team\n    webhook_configs:\n      - url: http://hook/a\n";

  @TempDir Path stateDir;
  private final AlertmanagerMetrics metrics = new AlertmanagerMetrics();
  private TopologyHarness am;

  @BeforeEach
  void start() {
    RuntimeLimits limits = new RuntimeLimits(TenantLimits.NONE.withState(3, 0, 2, 0));
    am =
        new TopologyHarness(
            stateDir, TopologyHarness.DEFAULTS.withLimits(limits).withMetrics(metrics));
    am.config("t", CONFIG);
  }

  @AfterEach
  void stop() {
    if (am != null) {
      am.close();
    }
  }

  @Test
  void alertsAreUnprocessedUntilAFlushThenActiveOrSuppressed() {
    am.silence("t", "s1", SilenceAction.CREATE, 0, 3600, equal("alertname", "Quiet"));
    am.post("t", alert(Map.of("alertname", "Loud"), 0, 3600.0));
    am.post("t", alert(Map.of("alertname", "Quiet"), 0, 3600.0));

    assertThat(states(0.5)).containsExactly(0L, 0L, 2L);

    am.advanceTo(2);
    assertThat(states(2)).as("active, suppressed, unprocessed").containsExactly(1L, 1L, 0L);

    am.advanceTo(3);
    am.post("t", alert(Map.of("alertname", "Loud"), 0, 2.5));
    assertThat(states(3.5)).as("a resolved alert is not counted").containsExactly(0L, 1L, 0L);
  }

  @Test
  void countsReceivedInvalidAndLimitedAlertsPerTenant() {
    am.post("t", alert(Map.of("alertname", "A"), 0, 3600.0));
    am.advanceTo(1);
    am.post("t", alert(Map.of("alertname", "B"), 0, 0.5));
    am.rawAlerts.pipeInput("t".getBytes(StandardCharsets.UTF_8), "{not avro}".getBytes());
    am.rawAlerts.pipeInput("no tenant".getBytes(StandardCharsets.UTF_8), "{}".getBytes());
    am.post("t", alert(Map.of("alertname", "C"), 0, 3600.0));
    am.post("t", alert(Map.of("alertname", "D"), 0, 3600.0));

    Map<String, long[]> counts = tenantCounts();
    assertThat(counts.get("t")[TenantCount.RECEIVED_FIRING.ordinal()]).isEqualTo(3);
    assertThat(counts.get("t")[TenantCount.RECEIVED_RESOLVED.ordinal()]).isEqualTo(1);
    assertThat(counts.get("t")[TenantCount.INVALID.ordinal()]).isEqualTo(1);
    assertThat(counts.get("t")[TenantCount.INSERT_LIMITED.ordinal()])
        .as("the fourth alert is past the limit of 3")
        .isEqualTo(1);
    assertThat(counts.get("t")[TenantCount.GROUP_LIMIT_REACHED.ordinal()])
        .as("C would open a third group")
        .isEqualTo(1);
    assertThat(metrics.invalidWithoutTenant()).isEqualTo(1);
  }

  @Test
  void countsConfigsAppliedAndRefused() {
    assertThat(metrics.configsApplied()).isEqualTo(1);
    am.config("t", "route: [not a route");
    assertThat(metrics.configsRefused()).isEqualTo(1);
    assertThat(metrics.lastConfigRefused("t")).isTrue();
    am.config("t", CONFIG.replace("1h", "2h"));
    assertThat(metrics.configsApplied()).isEqualTo(2);
    assertThat(metrics.lastConfigRefused("t")).isFalse();
  }

  @Test
  void aClosedTaskCountsNoMore() {
    am.post("t", alert(Map.of("alertname", "A"), 0, 3600.0));
    assertThat(states(0.5)).containsExactly(0L, 0L, 1L);
    am.close();
    am = null;
    assertThat(metrics.alertsByState(TopologyHarness.at(0.5).toEpochMilli())).isEmpty();
  }

  private long[] states(double atSeconds) {
    long[] counts = metrics.alertsByState(TopologyHarness.at(atSeconds).toEpochMilli()).get("t");
    return new long[] {
      counts[State.ACTIVE.ordinal()],
      counts[State.SUPPRESSED.ordinal()],
      counts[State.UNPROCESSED.ordinal()]
    };
  }

  private Map<String, long[]> tenantCounts() {
    Map<String, long[]> out = new HashMap<>();
    metrics.tenantCounts(out::put);
    return out;
  }
}
