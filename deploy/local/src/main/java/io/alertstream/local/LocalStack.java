package io.alertstream.local;

import io.alertstream.api.ops.Reloadable;
import io.alertstream.api.server.AlertstreamServer;
import io.alertstream.api.server.ServerSettings;
import io.alertstream.api.server.TopicPlan;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.topology.streams.TopologySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Alertstream needs, in one process: broker, registry (child process), topics, example
 * tenants, the topology and API, a local webhook inbox and Kafka Connect with the sink connectors.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("alertstream");
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private EmbeddedKafkaBroker broker;
  private RegistryProcess registry;
  private AlertstreamServer server;
  private LocalWebhookInbox inbox;
  private EmbeddedConnect connect;
  private LocalDryRunLog dryRunLog;
  private List<String> tenants = List.of();

  private LocalStack() {}

  public static LocalStack start(LocalSettings settings) throws Exception {
    LocalStack stack = new LocalStack();
    try {
      stack.startAll(settings);
    } catch (Exception e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  private void startAll(LocalSettings s) throws Exception {
    long t0 = System.nanoTime();
    broker =
        track(
            EmbeddedKafkaBroker.start(
                s.dataDir().resolve("kafka"), s.brokerPort(), s.controllerPort()));
    ready(
        t0,
        "kafka broker",
        broker.bootstrapServers() + " (KRaft, data in " + s.dataDir().resolve("kafka") + ")");

    long t = System.nanoTime();
    registry =
        track(
            RegistryProcess.start(
                s.registryJar(), s.registryPort(), s.dataDir().resolve("registry"), TIMEOUT));
    ready(t, "schema registry", registry.url());

    t = System.nanoTime();
    try (Admin admin = Admin.create(adminProps())) {
      TopicPlan.ensure(
          admin, TopicPlan.topics(s.partitions(), (short) 1, TopologySettings.INTEGRATION_TYPES));
    }
    tenants = seedTenants(s);
    ready(
        t,
        "topics and example tenants",
        tenants.isEmpty() ? "no example tenants" : "loaded " + String.join(", ", tenants));

    t = System.nanoTime();
    inbox = track(new LocalWebhookInbox(s.inboxPort()));
    dryRunLog = track(new LocalDryRunLog(broker.bootstrapServers()));
    inbox.addPage("/dry-run", dryRunLog::recent);
    ready(
        t,
        "webhook inbox",
        inbox.url()
            + " (GET it to see what was delivered; dry-run requests at "
            + inbox.url().replace("/inbox", "/dry-run")
            + ")");

    t = System.nanoTime();
    server =
        track(
            AlertstreamServer.start(
                ServerSettings.singleNode(
                        broker.bootstrapServers(),
                        registry.url(),
                        s.dataDir().resolve("streams"),
                        s.apiPort(),
                        s.externalUrl(),
                        s.limits(),
                        "alertstream-local",
                        s.credentials())
                    .withUntilResolvedGrace(s.untilResolvedGrace())
                    .withLimitsOverridesFile(s.limitsOverridesFile()),
                TIMEOUT));
    server.addReloadable(tenantFiles(s));
    ready(t, "topology and API", "http://localhost:" + server.apiPort() + "/api/v2");

    t = System.nanoTime();
    connect =
        track(
            EmbeddedConnect.start(
                broker.bootstrapServers(),
                registry.url(),
                s.dataDir().resolve("connect"),
                s.connectPort(),
                s.connectorOverrides(),
                TIMEOUT));
    ready(
        t,
        "kafka connect",
        connect.restUrl()
            + " (connector "
            + EmbeddedConnect.CONNECTOR_NAME
            + " for "
            + String.join(", ", EmbeddedConnect.TYPES)
            + ")");
    LOG.info("all parts up in {} s", seconds(t0));
  }

  private List<String> seedTenants(LocalSettings s) throws Exception {
    return seedTenants(s, tenant -> Optional.empty());
  }

  private List<String> seedTenants(
      LocalSettings s, Function<String, Optional<TenantConfig>> current) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (var producer =
        new KafkaProducer<String, TenantConfig>(
            props,
            new StringSerializer(),
            new AvroSerializer<>(new RestSchemaRegistryClient(registry.url())))) {
      return new TenantSeeder(producer, Clock.systemUTC()).seed(s.tenantsDir(), current);
    }
  }

  /** {@code /-/reload} publishes the tenant files that changed since they were loaded. */
  private Reloadable tenantFiles(LocalSettings s) {
    return new Reloadable() {
      @Override
      public String name() {
        return "tenant files " + s.tenantsDir();
      }

      @Override
      public String reload() throws Exception {
        List<String> published =
            seedTenants(s, tenant -> server.apiServices().configs().current(tenant));
        return published.isEmpty()
            ? "no tenant file changed"
            : "published " + String.join(", ", published);
      }
    };
  }

  private Properties adminProps() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return props;
  }

  private <T extends AutoCloseable> T track(T part) {
    started.push(part);
    return part;
  }

  private static void ready(long since, String part, String where) {
    LOG.info("{} ready: {} ({} s)", part, where, seconds(since));
  }

  private static String seconds(long since) {
    return String.format("%.1f", (System.nanoTime() - since) / 1e9);
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  public String apiUrl() {
    return "http://localhost:" + server.apiPort();
  }

  public AlertstreamServer server() {
    return server;
  }

  public EmbeddedConnect connect() {
    return connect;
  }

  public LocalDryRunLog dryRunLog() {
    return dryRunLog;
  }

  public LocalWebhookInbox inbox() {
    return inbox;
  }

  public List<String> tenants() {
    return tenants;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("could not stop {} cleanly: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
