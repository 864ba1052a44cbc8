package io.alertstream.topology.ops;

import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.silences.Silence;
import io.alertstream.topology.streams.AlertstreamTopology;
import io.alertstream.topology.streams.TenantState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Counts, per tenant of the tasks this instance runs, what the stores hold at a scrape: aggregation
 * groups, silences by state, and the config in force (its hash and when it was written).
 */
public final class TenantCensus {

  /** A tenant's config in force: its version, when it was written, and a hash of its text. */
  public record ConfigInForce(long version, long updatedAt, double hash) {}

  /** What the stores hold now. */
  public record Census(
      Map<String, Long> groups, Map<String, long[]> silences, Map<String, ConfigInForce> configs) {}

  private final KafkaStreams streams;
  private final Map<String, ConfigInForce> hashed = new ConcurrentHashMap<>();

  public TenantCensus(KafkaStreams streams) {
    this.streams = streams;
  }

  /** Counts now; a store that cannot be read (rebalancing) counts as empty. */
  public Census take(long now) {
    Map<String, Long> groups = new TreeMap<>();
    this.<GroupState>each(
        AlertstreamTopology.GROUP_STORE, (tenant, group) -> groups.merge(tenant, 1L, Long::sum));
    Map<String, long[]> silences = new TreeMap<>();
    this.<Silence>each(
        AlertstreamTopology.SILENCE_STORE,
        (tenant, silence) ->
            silences
                .computeIfAbsent(tenant, t -> new long[Silence.State.values().length])[
                silence.state(now).ordinal()]++);
    Map<String, ConfigInForce> configs = new TreeMap<>();
    this.<TenantConfig>eachByKey(
        AlertstreamTopology.TENANT_CONFIG_STORE,
        (tenant, config) -> configs.put(tenant, inForce(tenant, config)));
    hashed.keySet().retainAll(configs.keySet());
    return new Census(groups, silences, configs);
  }

  private ConfigInForce inForce(String tenant, TenantConfig config) {
    ConfigInForce known = hashed.get(tenant);
    if (known != null && known.version() == config.getVersion()) {
      return known;
    }
    ConfigInForce fresh =
        new ConfigInForce(
            config.getVersion(),
            config.getUpdatedAt().toEpochMilli(),
            hash(config.getAlertmanagerConfig()));
    hashed.put(tenant, fresh);
    return fresh;
  }

  /**
   * A number that changes with the text, as Alertmanager's {@code alertmanager_config_hash}: the
   * first six bytes of the text's SHA-256, so that the gauge's double holds it exactly.
   */
  public static double hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      ByteBuffer first = ByteBuffer.allocate(Long.BYTES);
      first.position(2);
      first.put(digest, 0, 6);
      return first.getLong(0);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Each entry of a store keyed by tenant and id, with its tenant. */
  private <V> void each(String store, BiConsumer<String, V> consumer) {
    this.<V>read(store, kv -> consumer.accept(TenantState.tenantOf(kv.key), kv.value));
  }

  /** Each entry of a store keyed by tenant alone. */
  private <V> void eachByKey(String store, BiConsumer<String, V> consumer) {
    this.<V>read(store, kv -> consumer.accept(kv.key, kv.value));
  }

  private <V> void read(String store, Consumer<KeyValue<String, V>> consumer) {
    try {
      ReadOnlyKeyValueStore<String, V> kv =
          streams.store(
              StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
      try (KeyValueIterator<String, V> it = kv.all()) {
        it.forEachRemaining(consumer);
      }
    } catch (InvalidStateStoreException | IllegalStateException notNow) {
      // Rebalancing or stopping: this scrape sees nothing of the store.
    }
  }
}
