package io.alertstream.topology.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Records behind the end of each input partition this instance processes, as its consumers see it.
 * Partitions are tenant-keyed, so a lagging partition names the tenants who wait. Kafka creates a
 * lag metric when a partition is assigned and drops it when revoked; {@link #refresh()} follows.
 */
final class InputLag {

  private static final String GROUP = "consumer-fetch-manager-metrics";

  private final KafkaStreams streams;
  private final MeterRegistry registry;
  private final Map<String, Metric> current = new ConcurrentHashMap<>();
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  InputLag(KafkaStreams streams, MeterRegistry registry) {
    this.streams = streams;
    this.registry = registry;
  }

  /** Looks up the partitions assigned now; call before each scrape. */
  void refresh() {
    Map<String, Metric> seen = new java.util.HashMap<>();
    for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
      MetricName name = e.getKey();
      String client = name.tags().getOrDefault("client-id", "");
      if (name.name().equals("records-lag")
          && name.group().equals(GROUP)
          && name.tags().containsKey("partition")
          && client.endsWith("-consumer")
          && !client.endsWith("restore-consumer")) {
        String topic = name.tags().get("topic");
        String partition = name.tags().get("partition");
        String key = topic + "/" + partition;
        seen.put(key, e.getValue());
        if (registered.add(key)) {
          Gauge.builder("alertstream.input.lag", current, c -> value(c.get(key)))
              .tag("topic", topic)
              .tag("partition", partition)
              .baseUnit("records")
              .description("Records behind the end of an input partition this instance processes")
              .register(registry);
        }
      }
    }
    current.keySet().retainAll(seen.keySet());
    current.putAll(seen);
  }

  private static double value(Metric metric) {
    if (metric == null) {
      return Double.NaN;
    }
    Object value = metric.metricValue();
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
