package io.alertstream.topology.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.AlertEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTest {

  private static final long NOW = 1_000_000;

  private static Alert alert(long starts, long ends, long updated, boolean timeout) {
    return new Alert(
        "fp",
        Map.of("a", "b"),
        Map.of("v", Long.toString(updated)),
        starts,
        ends,
        "",
        updated,
        timeout);
  }

  @Test
  void receiptDefaultsStartNowAndEndAfterResolveTimeout() {
    AlertEvent event =
        AlertEvent.newBuilder()
            .setLabels(Map.of("a", "b"))
            .setReceivedAt(Instant.ofEpochMilli(NOW))
            .build();

    Alert alert = Alert.received(event, NOW + 5, 300_000);

    assertThat(alert.startsAt()).isEqualTo(NOW);
    assertThat(alert.endsAt()).isEqualTo(NOW + 300_000);
    assertThat(alert.timeout()).isTrue();
    assertThat(alert.fingerprint()).isEqualTo(Fingerprint.of(Map.of("a", "b")));
  }

  @Test
  void overlappingCopiesMergeKeepingTheEarliestStartAndTheNewestAnnotations() {
    Alert stored = alert(100, NOW + 1000, 500, true);
    Alert incoming = alert(200, NOW + 500, 600, true);

    Alert merged = Alert.put(stored, incoming, NOW);

    assertThat(merged.startsAt()).isEqualTo(100);
    assertThat(merged.annotations()).containsEntry("v", "600");
    // While firing, a later end only wins if it was given, not derived from resolve_timeout.
    assertThat(merged.endsAt()).isEqualTo(NOW + 500);
  }

  @Test
  void anExplicitLaterEndWinsWhileFiring() {
    Alert stored = alert(100, NOW + 1000, 500, false);
    Alert incoming = alert(200, NOW + 500, 600, true);

    assertThat(Alert.put(stored, incoming, NOW).endsAt()).isEqualTo(NOW + 1000);
  }

  @Test
  void whenBothAreResolvedTheLaterEndWins() {
    Alert stored = alert(100, NOW - 10, 500, false);
    Alert incoming = alert(200, NOW - 50, 600, false);

    assertThat(Alert.put(stored, incoming, NOW).endsAt()).isEqualTo(NOW - 10);
  }

  @Test
  void aCopyOutsideTheStoredRangeReplacesIt() {
    Alert stored = alert(100, 200, 500, false);
    Alert refire = alert(300, NOW + 100, 600, true);

    assertThat(Alert.put(stored, refire, NOW)).isEqualTo(refire);
  }

  @Test
  void ordersByJobThenInstanceThenLabels() {
    List<Alert> alerts =
        new ArrayList<>(
            List.of(
                labelled(Map.of("job", "b", "instance", "1")),
                labelled(Map.of("z", "1")),
                labelled(Map.of("job", "a", "instance", "2")),
                labelled(Map.of("job", "a", "instance", "1")),
                labelled(Map.of("a", "1", "b", "1"))));

    alerts.sort(AlertOrder.INSTANCE);

    assertThat(alerts)
        .extracting(Alert::labels)
        .containsExactly(
            Map.of("job", "a", "instance", "1"),
            Map.of("job", "a", "instance", "2"),
            Map.of("job", "b", "instance", "1"),
            Map.of("z", "1"),
            Map.of("a", "1", "b", "1"));
  }

  private static Alert labelled(Map<String, String> labels) {
    return new Alert(Fingerprint.of(labels), labels, Map.of(), 0, 1, "", 0, false);
  }
}
