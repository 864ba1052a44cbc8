package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.DeliveryResult;
import io.alertstream.topology.grouping.GroupState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flush that changes nothing but the group's next flush time is not written to the group store;
 * the topology keeps flushing and repeating on time from the time it holds in memory.
 */
class DeferredFlushTimesTest {

  private static final String CONFIG =
      """
      route:
        receiver: team
        group_wait: 1s
        group_interval: 10s
        repeat_interval: 1m
      receivers:
        - name: team
          webhook_configs: [{url: 'http://hooks.example.com/a'}]
      """;

  @TempDir Path stateDir;

  @Test
  void quietFlushesAreNotWrittenAndRepeatsAndChangesStillNotifyOnTime() {
    try (TopologyHarness am = new TopologyHarness(stateDir)) {
      KeyValueStore<String, GroupState> store =
          am.driver.getKeyValueStore(AlertstreamTopology.GROUP_STORE);
      am.config("acme", CONFIG);
      am.post("acme", alert(Map.of("alertname", "A")));
      GroupState created = onlyGroup(store);
      am.advanceTo(1.1);
      var first = am.webhooks();
      assertThat(first).hasSize(1);
      am.outcome(first.get(0).notification(), DeliveryResult.DELIVERED, "", 1);
      assertThat(onlyGroup(store))
          .as("the first flush changed only the schedule: the store keeps the group as created")
          .isEqualTo(created);
      long afterFirstFlush = created.nextFlushAt();

      am.advanceTo(45);
      assertThat(am.webhooks()).as("nothing changed, no repeat yet").isEmpty();
      assertThat(onlyGroup(store).nextFlushAt())
          .as("four quiet flushes later too")
          .isEqualTo(afterFirstFlush);

      am.advanceTo(62);
      assertThat(am.webhooks()).as("a minute is not yet past the first").isEmpty();
      am.advanceTo(72);
      assertThat(am.webhooks())
          .as("the repeat, at the first flush more than a minute after the first")
          .hasSize(1);

      am.post("acme", alert(Map.of("alertname", "B")));
      assertThat(onlyGroup(store).fingerprints()).as("a change is written at once").hasSize(2);
      assertThat(onlyGroup(store).nextFlushAt()).isGreaterThan(afterFirstFlush + 70_000);
      am.advanceTo(82);
      assertThat(am.webhooks()).as("the new alert, at the next group_interval").hasSize(1);
    }
  }

  private static GroupState onlyGroup(KeyValueStore<String, GroupState> store) {
    List<KeyValue<String, GroupState>> all = new java.util.ArrayList<>();
    try (var it = store.all()) {
      it.forEachRemaining(all::add);
    }
    assertThat(all).hasSize(1);
    return all.get(0).value;
  }
}
