package io.alertstream.connectors.sink;

import io.alertstream.connectors.delivery.EndpointOverride;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.NetworkTransport;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.delivery.SmtpSender;
import io.alertstream.connectors.delivery.Transport;
import io.alertstream.connectors.tenantconfig.TenantConfigCache;
import io.alertstream.connectors.tenantconfig.TenantConfigReader;
import io.alertstream.connectors.tenantconfig.TenantConfigSource;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production environment of a sink task: the schema registry's REST API, a copy of the configs
 * topic read by a {@link TenantConfigReader}, HTTP and SMTP senders, the outcome producer and (once
 * a first request is recorded) the dry-run producer, all on the connector's Kafka client settings.
 */
final class KafkaSinkEnvironment implements SinkEnvironment {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSinkEnvironment.class);

  private final NotificationSinkConfig config;
  private final Clock clock = Clock.systemUTC();
  private final SchemaRegistryClient registry;
  private final TenantConfigCache tenantConfigs;
  private final TenantConfigReader reader;
  private final OutcomeReporter outcomes; // null without an outcomes topic
  private final Map<String, Transport> transports = new ConcurrentHashMap<>();
  private DryRunRecorder dryRun; // opened when a first request is recorded

  private KafkaSinkEnvironment(
      NotificationSinkConfig config,
      SchemaRegistryClient registry,
      TenantConfigCache tenantConfigs,
      TenantConfigReader reader,
      OutcomeReporter outcomes) {
    this.config = config;
    this.registry = registry;
    this.tenantConfigs = tenantConfigs;
    this.reader = reader;
    this.outcomes = outcomes;
  }

  /** Opens the clients and reads the configs topic to its end (waiting up to a minute). */
  static KafkaSinkEnvironment open(NotificationSinkConfig config) {
    SchemaRegistryClient registry =
        new RestSchemaRegistryClient(
            config.getString(NotificationSinkConfig.SCHEMA_REGISTRY_URL),
            config.registryUserInfo());
    TenantConfigCache cache = new TenantConfigCache(config.renderLimits());
    Map<String, Object> kafka = config.kafkaClients();
    TenantConfigReader reader =
        new TenantConfigReader(
            kafka,
            config.getString(NotificationSinkConfig.CONFIGS_TOPIC),
            new AvroDeserializer<>(TenantConfig.class, registry),
            cache);
    try {
      reader.start(Duration.ofSeconds(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(reader);
      throw new ConnectException("interrupted while reading tenant configs", e);
    }
    String outcomesTopic = config.getString(NotificationSinkConfig.OUTCOMES_TOPIC);
    OutcomeReporter outcomes;
    try {
      outcomes =
          outcomesTopic.isEmpty() ? null : new OutcomeReporter(kafka, outcomesTopic, registry);
    } catch (RuntimeException e) {
      closeQuietly(reader);
      throw e;
    }
    return new KafkaSinkEnvironment(config, registry, cache, reader, outcomes);
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public SchemaRegistryClient registry() {
    return registry;
  }

  @Override
  public TenantConfigSource tenantConfigs() {
    return tenantConfigs;
  }

  @Override
  public Transport transport(String integrationType) {
    return transports.computeIfAbsent(
        integrationType,
        type -> {
          NotificationSinkConfig settings = config.forType(type);
          Duration timeout = settings.requestTimeout();
          Transport network =
              new NetworkTransport(new JdkHttpSender(timeout, clock), new SmtpSender(timeout));
          String override = settings.getString(NotificationSinkConfig.ENDPOINT_OVERRIDE);
          return override.isEmpty() ? network : new EndpointOverride(network, URI.create(override));
        });
  }

  @Override
  public OutcomeSink outcomes() {
    return outcomes == null ? OutcomeSink.NONE : outcomes;
  }

  @Override
  public DryRunSink dryRun() {
    return this::recordDryRun;
  }

  private void recordDryRun(Notification n, Outbound request) throws Exception {
    DryRunRecorder recorder;
    synchronized (this) {
      if (dryRun == null) {
        dryRun =
            new DryRunRecorder(
                config.kafkaClients(), config.getString(NotificationSinkConfig.DRY_RUN_TOPIC));
      }
      recorder = dryRun;
    }
    recorder.record(n, request);
  }

  @Override
  public ScheduledExecutorService executor(int threads, ThreadFactory threadFactory) {
    return Executors.newScheduledThreadPool(threads, threadFactory);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (dryRun != null) {
        dryRun.close();
      }
    }
    if (outcomes != null) {
      outcomes.close();
    }
    closeQuietly(reader);
  }

  private static void closeQuietly(TenantConfigReader reader) {
    try {
      reader.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("config reader did not close cleanly: {}", e.toString());
    }
  }
}
