package io.alertstream.topology.query;

import io.alertstream.topology.streams.AlertstreamTopology;
import java.net.URI;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Finds a tenant's owner through Kafka Streams' metadata: the stores are partitioned as the input
 * topics, by tenant id, and each instance advertises its API as {@code application.server}.
 */
public final class StreamsTenantLocator implements TenantLocator {

  private final KafkaStreams streams;
  private final HostInfo self;

  public StreamsTenantLocator(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  @Override
  public Optional<URI> remoteOwner(String tenant) {
    KeyQueryMetadata metadata =
        streams.queryMetadataForKey(
            AlertstreamTopology.ALERT_STORE, tenant, Serdes.String().serializer());
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      return Optional.empty();
    }
    HostInfo owner = metadata.activeHost();
    if (owner == null || owner.equals(self) || owner.port() < 0) {
      return Optional.empty();
    }
    return Optional.of(URI.create("http://" + owner.host() + ":" + owner.port()));
  }
}
