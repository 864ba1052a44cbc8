package io.alertstream.bench.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker holds written, over every topic (input, output, changelogs, repartition and the
 * internal offsets and transaction topics): records as the sum of the partitions' end offsets
 * (transaction markers included: they are written too) and bytes as the log sizes. Two snapshots
 * around a phase give what the phase wrote.
 */
final class KafkaWrites {

  /** Records and bytes, in total and by topic. */
  record Snapshot(long records, long bytes, Map<String, Long> recordsByTopic) {

    /** What was written between {@code before} and this. */
    Snapshot minus(Snapshot before) {
      Map<String, Long> byTopic = new TreeMap<>();
      recordsByTopic.forEach(
          (topic, n) -> {
            long delta = n - before.recordsByTopic.getOrDefault(topic, 0L);
            if (delta > 0) {
              byTopic.put(topic, delta);
            }
          });
      return new Snapshot(records - before.records, bytes - before.bytes, byTopic);
    }

    /** The topics that took the most records, with their records per alert. */
    String top(int n, int alerts) {
      StringBuilder out = new StringBuilder();
      recordsByTopic.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(n)
          .forEach(
              e ->
                  out.append(out.isEmpty() ? "" : ", ")
                      .append(e.getKey())
                      .append(
                          String.format(
                              java.util.Locale.ROOT, " %.2f", e.getValue() / (double) alerts)));
      return out.toString();
    }
  }

  private KafkaWrites() {}

  static Snapshot take(String bootstrapServers) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
      Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      topics
          .values()
          .forEach(
              t ->
                  t.partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(t.name(), p.partition()),
                                  OffsetSpec.latest())));
      Map<String, Long> byTopic = new TreeMap<>();
      long records = 0;
      for (var e : admin.listOffsets(latest).all().get().entrySet()) {
        records += e.getValue().offset();
        byTopic.merge(e.getKey().topic(), e.getValue().offset(), Long::sum);
      }
      long bytes = 0;
      int broker = admin.describeCluster().nodes().get().iterator().next().id();
      for (var dir :
          admin.describeLogDirs(List.of(broker)).allDescriptions().get().get(broker).values()) {
        for (var replica : dir.replicaInfos().values()) {
          bytes += replica.size();
        }
      }
      return new Snapshot(records, bytes, byTopic);
    }
  }
}
