package io.alertstream.local;

import io.alertstream.connectors.metrics.MetricsRestExtension;
import io.alertstream.connectors.sink.NotificationSinkConfig;
import io.alertstream.connectors.sink.NotificationSinkConnector;
import io.alertstream.schemas.Topics;
import io.alertstream.topology.streams.StreamsSettings;
import io.alertstream.topology.streams.TopologySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A Kafka Connect worker in standalone mode, in this process, running the one sink connector that
 * delivers the notifications of every integration type.
 */
public final class EmbeddedConnect implements AutoCloseable {

  /** The connector's name. */
  public static final String CONNECTOR_NAME = "alertstream-notifications";

  /** The connector's class, for every integration type. */
  public static final Class<NotificationSinkConnector> CONNECTOR_CLASS =
      NotificationSinkConnector.class;

  /** The connector's one dead letter topic, whatever the notification's type. */
  public static final String DLQ_TOPIC = Topics.NOTIFICATIONS_DLQ;

  /** The integration types whose notification topics the connector reads, in a fixed order. */
  public static final List<String> TYPES = TopologySettings.INTEGRATION_TYPES;

  /**
   * The notification topics of every type, named one by one: a pattern such as {@code
   * alertstream-notifications-.*} would also match the dead letter topic.
   */
  public static String topics() {
    return String.join(",", TYPES.stream().map(Topics::notifications).toList());
  }

  private final Connect<StandaloneHerder> connect;

  private EmbeddedConnect(Connect<StandaloneHerder> connect) {
    this.connect = connect;
  }

  /**
   * @param deliveryOverrides extra settings for the connectors, e.g. shorter retry backoffs
   */
  public static EmbeddedConnect start(
      String bootstrapServers,
      String registryUrl,
      Path dataDir,
      int restPort,
      Map<String, String> deliveryOverrides,
      Duration timeout)
      throws Exception {
    Files.createDirectories(dataDir);
    Map<String, String> worker = new HashMap<>();
    worker.put("bootstrap.servers", bootstrapServers);
    worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    worker.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    worker.put("offset.storage.file.filename", dataDir.resolve("connect.offsets").toString());
    worker.put("offset.flush.interval.ms", "1000");
    worker.put("plugin.discovery", "service_load");
    worker.put("listeners", "http://localhost:" + restPort);
    // GET /metrics on the REST port: the delivery metrics under Alertmanager's and Mimir's names.
    worker.put("rest.extension.classes", MetricsRestExtension.class.getName());
    // The topology writes transactionally: deliver only what it committed.
    worker.put("consumer.isolation.level", "read_committed");
    // An idle sink task's fetch waits at the broker (which answers at once when a notification
    // arrives) instead of coming back empty twice a second.
    worker.put("consumer.fetch.max.wait.ms", Integer.toString(StreamsSettings.IDLE_FETCH_WAIT_MS));
    worker.put("connector.client.config.override.policy", "All");
    // One worker: after a crash its sink tasks should not wait 45 s for the old member to expire.
    worker.put("consumer.session.timeout.ms", "10000");
    worker.put("consumer.heartbeat.interval.ms", "3000");

    Connect<StandaloneHerder> connect;
    // Connect's CLI exits the JVM when the worker fails to start; turn that into an exception.
    Exit.setExitProcedure(
        (code, message) -> {
          throw new IllegalStateException(
              "Kafka Connect failed to start (exit " + code + "): " + message);
        });
    try {
      connect = new ConnectStandalone().startConnect(worker);
    } finally {
      Exit.resetExitProcedure();
    }
    EmbeddedConnect embedded = new EmbeddedConnect(connect);
    try {
      embedded.putConnector(
          CONNECTOR_NAME,
          connectorConfig(bootstrapServers, registryUrl, deliveryOverrides),
          timeout);
    } catch (Exception e) {
      embedded.close();
      throw e;
    }
    return embedded;
  }

  /** The sink connector's config as a Connect user would write it: every notification topic. */
  public static Map<String, String> connectorConfig(
      String bootstrapServers, String registryUrl, Map<String, String> overrides) {
    Map<String, String> config = new HashMap<>();
    config.put("name", CONNECTOR_NAME);
    config.put("connector.class", CONNECTOR_CLASS.getName());
    config.put("tasks.max", "1");
    config.put("topics", topics());
    config.put(NotificationSinkConfig.SCHEMA_REGISTRY_URL, registryUrl);
    config.put(NotificationSinkConfig.CONFIGS_BOOTSTRAP_SERVERS, bootstrapServers);
    config.put("errors.tolerance", "all");
    config.put("errors.deadletterqueue.topic.name", DLQ_TOPIC);
    config.put("errors.deadletterqueue.topic.replication.factor", "1");
    config.put("errors.deadletterqueue.context.headers.enable", "true");
    config.put("errors.log.enable", "false");
    config.putAll(overrides);
    return config;
  }

  /** Creates or replaces a connector and waits until its tasks run. */
  public void putConnector(String name, Map<String, String> config, Duration timeout)
      throws Exception {
    FutureCallback<Object> created = new FutureCallback<>();
    connect
        .herder()
        .putConnectorConfig(name, config, true, (error, info) -> created.onCompletion(error, info));
    created.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      ConnectorStateInfo status = connect.herder().connectorStatus(name);
      boolean running =
          "RUNNING".equals(status.connector().state())
              && !status.tasks().isEmpty()
              && status.tasks().stream().allMatch(t -> "RUNNING".equals(t.state()));
      if (running) {
        return;
      }
      var failed = status.tasks().stream().filter(t -> "FAILED".equals(t.state())).findFirst();
      if (failed.isPresent()) {
        throw new IllegalStateException("connector " + name + " failed: " + failed.get().trace());
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("connector " + name + " not running after " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /** Stops and removes a connector. */
  public void deleteConnector(String name, Duration timeout) throws Exception {
    FutureCallback<Object> deleted = new FutureCallback<>();
    connect
        .herder()
        .deleteConnectorConfig(name, (error, info) -> deleted.onCompletion(error, info));
    deleted.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The connector's status as Connect reports it. */
  public ConnectorStateInfo status(String name) {
    return connect.herder().connectorStatus(name);
  }

  public String restUrl() {
    return connect.rest().serverUrl().toString();
  }

  @Override
  public void close() {
    connect.stop();
  }
}
