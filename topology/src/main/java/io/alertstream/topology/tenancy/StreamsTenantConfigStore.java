package io.alertstream.topology.tenancy;

import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.streams.AlertstreamTopology;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads configs from this instance's topology store. The API sends requests for a tenant another
 * instance owns to that instance first (see {@code Forwarder}).
 */
public final class StreamsTenantConfigStore implements TenantConfigStore {

  private final KafkaStreams streams;

  public StreamsTenantConfigStore(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public Optional<TenantConfig> current(String tenant) {
    return Optional.ofNullable(store().get(tenant));
  }

  @Override
  public boolean await(String tenant, long version, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        TenantConfig held = store().get(tenant);
        if (version == 0 ? held == null : held != null && held.getVersion() >= version) {
          return true;
        }
      } catch (InvalidStateStoreException rebalancing) {
        // try again
      }
      Thread.sleep(20);
    }
    return false;
  }

  private ReadOnlyKeyValueStore<String, TenantConfig> store() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            AlertstreamTopology.TENANT_CONFIG_STORE, QueryableStoreTypes.keyValueStore()));
  }
}
