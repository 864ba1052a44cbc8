package io.alertstream.topology.tenancy;

import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Every tenant's current config, read from the compacted configs topic (all its partitions, from
 * the start to the end they have now; a tombstone removes the tenant), for Mimir's {@code
 * /multitenant_alertmanager/configs}. Bounded by a deadline and a record count.
 */
public final class AllTenantConfigs {

  /** How long one read may take. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

  /** Records one read takes at most; past it, it fails rather than answer with a part. */
  public static final long MAX_RECORDS = 1_000_000;

  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, String> kafka;
  private final SchemaRegistryClient registry;
  private final String topic;

  /**
   * @param kafka client properties: bootstrap.servers and the cluster's security settings
   */
  public AllTenantConfigs(Map<String, String> kafka, SchemaRegistryClient registry, String topic) {
    this.kafka = Map.copyOf(kafka);
    this.registry = registry;
    this.topic = topic;
  }

  /**
   * The configs by tenant, in tenant order.
   *
   * @throws TimeoutException past {@link #READ_TIMEOUT} or {@link #MAX_RECORDS}
   */
  public Map<String, TenantConfig> read() {
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    AvroDeserializer<TenantConfig> values = new AvroDeserializer<>(TenantConfig.class, registry);
    Map<String, TenantConfig> configs = new TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = TenantPartitionScan.consumer(kafka)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map((PartitionInfo p) -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long read = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline || read > MAX_RECORDS) {
          throw new TimeoutException(
              "reading " + topic + " took too long: " + read + " records read");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          read++;
          if (r.key() == null || r.offset() >= ends.get(new TopicPartition(topic, r.partition()))) {
            continue;
          }
          String tenant = new String(r.key(), StandardCharsets.UTF_8);
          if (r.value() == null) {
            configs.remove(tenant);
          } else {
            configs.put(tenant, values.deserialize(topic, r.value()));
          }
        }
      }
    }
    return configs;
  }
}
