package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.Notification;
import io.alertstream.topology.history.NotificationRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notification's record waits in memory for the connector's outcome and is written once, with it;
 * readers see it pending meanwhile. Without an outcome it is written pending after 30 s.
 */
class HistoryWriteBehindTest {

  private static final String CONFIG =
      """
      route:
        receiver: team
        group_wait: 1s
      receivers:
        - name: team
          webhook_configs: [{url: 'http://hooks.example.com/a'}]
      """;

  @TempDir Path stateDir;

  @Test
  void aRecordIsWrittenOnceWithItsOutcome() {
    try (TopologyHarness am = new TopologyHarness(stateDir)) {
      Notification sent = notifiedOnce(am);

      assertThat(stored(am)).as("nothing written at the flush").isEmpty();
      assertThat(am.history("acme"))
          .singleElement()
          .satisfies(r -> assertThat(r.outcome()).isEqualTo("pending"));

      am.outcome(sent, DeliveryResult.DELIVERED, "", 1);

      assertThat(stored(am))
          .singleElement()
          .satisfies(r -> assertThat(r.outcome()).isEqualTo("delivered"));
      assertThat(am.history("acme")).singleElement().isEqualTo(stored(am).get(0));
    }
  }

  @Test
  void withoutAnOutcomeTheRecordIsWrittenPendingAfterThirtySeconds() {
    try (TopologyHarness am = new TopologyHarness(stateDir)) {
      Notification sent = notifiedOnce(am);
      am.advanceTo(20);
      assertThat(stored(am)).isEmpty();

      am.advanceTo(42);
      assertThat(stored(am))
          .singleElement()
          .satisfies(r -> assertThat(r.outcome()).isEqualTo("pending"));

      am.outcome(sent, DeliveryResult.DEAD_LETTERED, "unexpected status code 500", 3);
      assertThat(stored(am))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.outcome()).isEqualTo("failed");
                assertThat(r.attempts()).isEqualTo(3);
              });
    }
  }

  private static Notification notifiedOnce(TopologyHarness am) {
    am.config("acme", CONFIG);
    am.post("acme", alert(Map.of("alertname", "A")));
    am.advanceTo(1.1);
    var sent = am.webhooks();
    assertThat(sent).hasSize(1);
    return sent.get(0).notification();
  }

  private static List<NotificationRecord> stored(TopologyHarness am) {
    KeyValueStore<String, NotificationRecord> store =
        am.driver.getKeyValueStore(AlertstreamTopology.HISTORY_STORE);
    List<NotificationRecord> out = new ArrayList<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }
}
