package io.alertstream.local;

import io.alertstream.connectors.email.EmailSinkConnector;
import io.alertstream.connectors.pagerduty.PagerdutySinkConnector;
import io.alertstream.connectors.sink.NotificationSinkConfig;
import io.alertstream.connectors.slack.SlackSinkConnector;
import io.alertstream.connectors.webhook.WebhookSinkConnector;
import io.alertstream.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

/** A Kafka Connect worker in standalone mode, in this process, running the sink connectors. */
public final class EmbeddedConnect implements AutoCloseable {

  /** The connector class of each integration type, in a fixed order. */
  public static final Map<String, Class<?>> CONNECTORS = connectors();

  private static Map<String, Class<?>> connectors() {
    Map<String, Class<?>> connectors = new java.util.LinkedHashMap<>();
    connectors.put("webhook", WebhookSinkConnector.class);
    connectors.put("slack", SlackSinkConnector.class);
    connectors.put("pagerduty", PagerdutySinkConnector.class);
    connectors.put("email", EmailSinkConnector.class);
    return java.util.Collections.unmodifiableMap(connectors);
  }

  public static String connectorName(String type) {
    return "alertstream-" + type;
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
    // The topology writes transactionally: deliver only what it committed.
    worker.put("consumer.isolation.level", "read_committed");
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
      for (String type : CONNECTORS.keySet()) {
        embedded.putConnector(
            connectorName(type),
            connectorConfig(type, bootstrapServers, registryUrl, deliveryOverrides),
            timeout);
      }
    } catch (Exception e) {
      embedded.close();
      throw e;
    }
    return embedded;
  }

  /** A sink connector's config as a Connect user would write it. */
  public static Map<String, String> connectorConfig(
      String type, String bootstrapServers, String registryUrl, Map<String, String> overrides) {
    Map<String, String> config = new HashMap<>();
    config.put("name", connectorName(type));
    config.put("connector.class", CONNECTORS.get(type).getName());
    config.put("tasks.max", "1");
    config.put("topics", Topics.notifications(type));
    config.put(NotificationSinkConfig.SCHEMA_REGISTRY_URL, registryUrl);
    config.put(NotificationSinkConfig.CONFIGS_BOOTSTRAP_SERVERS, bootstrapServers);
    config.put("errors.tolerance", "all");
    config.put("errors.deadletterqueue.topic.name", Topics.notificationsDlq(type));
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
