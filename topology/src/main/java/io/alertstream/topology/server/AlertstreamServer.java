package io.alertstream.topology.server;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.AvroSerdes;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.topology.api.ApiServer;
import io.alertstream.topology.api.KafkaAlertSink;
import io.alertstream.topology.streams.AlertstreamTopology;
import io.alertstream.topology.streams.StreamsSettings;
import io.alertstream.topology.streams.TopologySettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/** The topology and the HTTP API of one Alertstream instance. */
public final class AlertstreamServer implements AutoCloseable {

  private final KafkaStreams streams;
  private final KafkaAlertSink alertSink;
  private final ApiServer api;

  private AlertstreamServer(KafkaStreams streams, KafkaAlertSink alertSink, ApiServer api) {
    this.streams = streams;
    this.alertSink = alertSink;
    this.api = api;
  }

  /** Starts the topology and the API, returning once the topology is running. */
  public static AlertstreamServer start(ServerSettings settings, Duration timeout)
      throws IOException, InterruptedException, TimeoutException {
    AvroSerdes serdes = new AvroSerdes(new RestSchemaRegistryClient(settings.registryUrl()));
    KafkaStreams streams =
        new KafkaStreams(
            AlertstreamTopology.build(TopologySettings.defaults(settings.externalUrl()), serdes),
            StreamsSettings.properties(
                settings.bootstrapServers(), settings.stateDir(), settings.replicationFactor()));
    KafkaAlertSink sink =
        new KafkaAlertSink(
            new KafkaProducer<>(
                producerProps(settings.bootstrapServers()),
                new StringSerializer(),
                new AvroSerializer<AlertEvent>(serdes.registry())),
            Topics.ALERTS);
    ApiServer api = new ApiServer(settings.apiAddress(), sink, Clock.systemUTC());
    AlertstreamServer server = new AlertstreamServer(streams, sink, api);
    try {
      streams.start();
      awaitRunning(streams, timeout);
      api.start();
    } catch (InterruptedException | TimeoutException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static Properties producerProps(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "alertstream-api");
    return props;
  }

  private static void awaitRunning(KafkaStreams streams, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (streams.state() == KafkaStreams.State.ERROR
          || streams.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("Kafka Streams stopped while starting: " + streams.state());
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            "Kafka Streams not running after " + timeout + ": " + streams.state());
      }
      Thread.sleep(50);
    }
  }

  public int apiPort() {
    return api.port();
  }

  public KafkaStreams streams() {
    return streams;
  }

  @Override
  public void close() {
    api.close();
    alertSink.close();
    // Leave the group on a clean stop, so a restarted instance gets its tasks at once instead of
    // after the session timeout.
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }
}
