package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tick is scheduled for the earliest due group, not on a fixed 25 ms grid from the task's
 * start: a group flushes at its due time, and a task with no group waiting does not tick.
 */
class TickSchedulingTest {

  private static final String CONFIG =
      "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 1s\n"
          + "  group_interval: 1h\n  repeat_interval: 4h\n"
          + "receivers:\n  - name: team\n    webhook_configs:\n      - url: http://hook/a\n";

  @TempDir Path stateDir;

  @Test
  void aGroupFlushesAtItsDueTimeNotAtTheNextGridTick() {
    try (TopologyHarness am = new TopologyHarness(stateDir)) {
      am.config("t", CONFIG);
      am.advanceTo(0.01);
      am.post("t", alert(Map.of("alertname", "DiskFull")));

      am.advanceTo(1.009);
      assertThat(am.webhooks()).as("not due before group_wait").isEmpty();
      am.advanceTo(1.010);

      // Received at 0.010 s: due at 1.010 s. A fixed tick from the task's start (every 25 ms)
      // would only find it at 1.025 s.
      assertThat(am.webhooks()).singleElement().satisfies(s -> assertThat(s.at()).isEqualTo(1.010));
    }
  }
}
