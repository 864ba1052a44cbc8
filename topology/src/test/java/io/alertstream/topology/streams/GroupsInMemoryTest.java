package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.DeliveryResult;
import io.alertstream.topology.grouping.GroupState;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregation groups are kept in memory only: opening, filling, flushing and settling a group
 * writes nothing to Kafka for the group, while the alerts and the notification log, from which a
 * starting task rebuilds its groups, are changelogged. (That a restarted launcher rebuilds them is
 * {@code KillNineIT}'s.)
 */
class GroupsInMemoryTest {

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
  void aGroupsLifeWritesNoChangelogOfItsOwn() {
    try (TopologyHarness am = new TopologyHarness(stateDir)) {
      am.config("acme", CONFIG);
      am.post("acme", alert(Map.of("alertname", "A")));
      am.post("acme", alert(Map.of("alertname", "B")));
      am.advanceTo(1.1);
      var first = am.webhooks();
      assertThat(first).hasSize(1);
      am.outcome(first.get(0).notification(), DeliveryResult.DELIVERED, "", 1);
      KeyValueStore<String, GroupState> groups =
          am.driver.getKeyValueStore(AlertstreamTopology.GROUP_STORE);
      assertThat(groups.approximateNumEntries()).isEqualTo(1);
      am.advanceTo(72);
      assertThat(am.webhooks()).as("the repeat, from the group's time in memory").hasSize(1);

      String prefix = StreamsSettings.APPLICATION_ID + "-";
      assertThat(am.driver.producedTopicNames())
          .contains(prefix + AlertstreamTopology.ALERT_STORE + "-changelog")
          .contains(prefix + AlertstreamTopology.NOTIFICATION_LOG_STORE + "-changelog")
          .doesNotContain(prefix + AlertstreamTopology.GROUP_STORE + "-changelog");
    }
  }
}
