package io.alertstream.topology.query;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.explain.Decision;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.history.NotificationRecord;
import io.alertstream.topology.silences.Silence;
import io.alertstream.topology.streams.AlertstreamTopology;
import io.alertstream.topology.streams.UnwrittenState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads from this instance's stores with interactive queries (a prefix scan per tenant). The API
 * sends requests for a tenant another instance owns to that instance first (see {@code Forwarder}).
 */
public final class StreamsTenantStateReader implements TenantStateReader {

  private final KafkaStreams streams;
  private final UnwrittenState unwritten;

  /**
   * @param unwritten the versions the instance's tasks have not written yet
   */
  public StreamsTenantStateReader(KafkaStreams streams, UnwrittenState unwritten) {
    this.streams = streams;
    this.unwritten = unwritten;
  }

  @Override
  public List<Alert> alerts(String tenant) {
    return scan(AlertstreamTopology.ALERT_STORE, tenant, unwritten::alert);
  }

  @Override
  public List<Silence> silences(String tenant) {
    return scan(AlertstreamTopology.SILENCE_STORE, tenant);
  }

  @Override
  public List<Decision> decisions(String tenant, String fingerprint) {
    return scan(AlertstreamTopology.DECISION_STORE, tenant + '\u0000' + fingerprint);
  }

  @Override
  public List<GroupState> groups(String tenant) {
    return scan(AlertstreamTopology.GROUP_STORE, tenant);
  }

  @Override
  public List<NotificationRecord> notifications(String tenant) {
    ReadOnlyKeyValueStore<String, NotificationRecord> store =
        store(AlertstreamTopology.HISTORY_STORE);
    List<Map.Entry<String, NotificationRecord>> stored = new ArrayList<>();
    try (KeyValueIterator<String, NotificationRecord> it =
        store.prefixScan(AlertstreamTopology.stateKey(tenant, ""), new StringSerializer())) {
      it.forEachRemaining(kv -> stored.add(Map.entry(kv.key, kv.value)));
    }
    return unwritten.history(tenant, stored);
  }

  @Override
  public Optional<Silence> silence(String tenant, String id) {
    ReadOnlyKeyValueStore<String, Silence> store = store(AlertstreamTopology.SILENCE_STORE);
    return Optional.ofNullable(store.get(AlertstreamTopology.stateKey(tenant, id)));
  }

  @Override
  public boolean awaitSilence(
      String tenant, String id, Predicate<Silence> condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Optional<Silence> held = silence(tenant, id);
        if (held.isPresent() && condition.test(held.get())) {
          return true;
        }
      } catch (InvalidStateStoreException rebalancing) {
        // try again
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** The entries whose key starts with {@code prefix} and the separator after it. */
  private <V> List<V> scan(String storeName, String prefix) {
    return scan(storeName, prefix, (key, stored) -> stored);
  }

  /** As above, each entry as {@code latest} makes it of its key and stored value. */
  private <V> List<V> scan(String storeName, String prefix, BiFunction<String, V, V> latest) {
    ReadOnlyKeyValueStore<String, V> store = store(storeName);
    List<V> out = new ArrayList<>();
    try (KeyValueIterator<String, V> it =
        store.prefixScan(AlertstreamTopology.stateKey(prefix, ""), new StringSerializer())) {
      it.forEachRemaining(kv -> out.add(latest.apply(kv.key, kv.value)));
    }
    return out;
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }
}
