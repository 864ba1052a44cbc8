package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertstream.api.ApiServer;
import io.alertstream.api.auth.PasswordHash;
import io.alertstream.api.auth.TenantCredentials;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.topology.streams.AlertstreamTopology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Starts local stacks on free ports for tests; one shared stack serves a whole test JVM. */
final class TestStacks {

  /** Partitions of every topic in the test stacks. */
  static final int PARTITIONS = 3;

  private static LocalStack shared;

  /**
   * The shared stack's tenant files: empty at start; a test that writes one removes it and reloads.
   */
  static final Path TENANTS_DIR = tenantsDir();

  private static Path tenantsDir() {
    try {
      return Files.createTempDirectory("alertstream-it-tenants");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The shared stack's grace for silences until resolved, short so that a test sees one end. */
  static final java.time.Duration UNTIL_RESOLVED_GRACE = java.time.Duration.ofSeconds(2);

  /**
   * Where the shared stack's connector sends the requests of types whose API address is fixed
   * (Pushover): {@code integration.pushover.endpoint.override}. A test serves this port.
   */
  static final int RELAY_PORT = relayPort();

  private TestStacks() {}

  private static int relayPort() {
    try {
      return FreePorts.one();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The stack the integration tests share, started on first use and stopped with the JVM. */
  static synchronized LocalStack shared() throws Exception {
    if (shared == null) {
      SecretLeaks.captureLogs();
      shared =
          LocalStack.start(
              settings(Files.createTempDirectory("alertstream-it"), TENANTS_DIR)
                  .withUntilResolvedGrace(UNTIL_RESOLVED_GRACE));
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  static LocalSettings settings(Path dataDir, Path tenantsDir) throws IOException {
    return LocalSettings.onFreePorts(
        dataDir,
        RegistryProcess.findRunnerJar(
            Path.of(System.getProperty("alertstream.registry.jar", "target/registry")).getParent()),
        tenantsDir,
        PARTITIONS,
        Map.of(
            "delivery.retry.backoff.ms",
            "200",
            "delivery.retry.backoff.max.ms",
            "5000",
            "delivery.retry.timeout.ms",
            "600000",
            "integration.pushover.endpoint.override",
            "http://127.0.0.1:" + RELAY_PORT));
  }

  static int[] distinctFreePorts(int count) throws IOException {
    return FreePorts.distinct(count);
  }

  static int freePort() throws IOException {
    return FreePorts.one();
  }

  /** Publishes a tenant config and waits until the topology holds it. */
  static void publishConfig(LocalStack stack, String tenant, String yaml) throws Exception {
    publishConfig(stack, tenant, yaml, Map.of());
  }

  /** Publishes a tenant config with template files and waits until the topology holds it. */
  static void publishConfig(
      LocalStack stack, String tenant, String yaml, Map<String, String> templateFiles)
      throws Exception {
    long version = System.currentTimeMillis();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (var producer =
        new KafkaProducer<String, TenantConfig>(
            props,
            new StringSerializer(),
            new AvroSerializer<>(new RestSchemaRegistryClient(stack.registryUrl())))) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.CONFIGS,
                  tenant,
                  TenantConfig.newBuilder()
                      .setTenant(tenant)
                      .setVersion(version)
                      .setAlertmanagerConfig(yaml)
                      .setTemplateFiles(templateFiles)
                      .setUpdatedAt(Instant.now())
                      .build()))
          .get();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        ReadOnlyKeyValueStore<String, TenantConfig> store =
            stack
                .server()
                .streams()
                .store(
                    StoreQueryParameters.fromNameAndType(
                        AlertstreamTopology.TENANT_CONFIG_STORE,
                        QueryableStoreTypes.keyValueStore()));
        TenantConfig held = store.get(tenant);
        if (held != null && held.getVersion() >= version) {
          return;
        }
      } catch (InvalidStateStoreException notYet) {
        // rebalancing
      }
      Thread.sleep(50);
    }
    throw new AssertionError("topology did not take tenant " + tenant + "'s config in time");
  }

  static HttpResponse<String> postAlerts(LocalStack stack, String tenant, String json)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/api/v2/alerts"))
                .header("X-Scope-OrgID", tenant)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Traffic that makes the metrics of the tenant exist: its webhook config, a silence, a firing
   * alert it mutes, one it does not, and an invalid alert (400). The caller waits for what it needs
   * (the webhook's notification).
   */
  static void sendMetricsTraffic(LocalStack stack, String tenant, String webhookUrl)
      throws Exception {
    publishConfig(stack, tenant, webhookConfig(webhookUrl));
    String silence =
        "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"MetricsSilenced\",\"isRegex\":false}],"
            + "\"startsAt\":\""
            + java.time.Instant.now()
            + "\",\"endsAt\":\""
            + java.time.Instant.now().plus(java.time.Duration.ofHours(2))
            + "\",\"createdBy\":\"it\",\"comment\":\"metrics\"}";
    var created = send(stack, "POST", "/api/v2/silences", tenant, silence);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    var accepted =
        postAlerts(
            stack,
            tenant,
            "[{\"labels\":{\"alertname\":\"MetricsFiring\",\"severity\":\"warning\"}},"
                + "{\"labels\":{\"alertname\":\"MetricsSilenced\",\"severity\":\"warning\"}}]");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    var refused = postAlerts(stack, tenant, "[{\"labels\":{}}]");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
  }

  /** A request to the stack's API as {@code tenant}, with an optional body. */
  static HttpResponse<String> send(
      LocalStack stack, String method, String path, String tenant, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
                .header("X-Scope-OrgID", tenant)
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The first record for the tenant on a topic (a DLQ, the dry-run topic), waiting up to 30 s. */
  static ConsumerRecord<byte[], byte[]> awaitRecord(
      LocalStack stack,
      String topic,
      String tenant,
      java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> matching) {
    return awaitRecord(stack.bootstrapServers(), topic, tenant, matching);
  }

  /** As above, on the broker at {@code bootstrapServers}. */
  static ConsumerRecord<byte[], byte[]> awaitRecord(
      String bootstrapServers,
      String topic,
      String tenant,
      java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> matching) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + java.util.UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                  if (r.key() != null
                      && tenant.equals(new String(r.key(), StandardCharsets.UTF_8))
                      && matching.test(r)) {
                    found.add(r);
                  }
                }
                return !found.isEmpty();
              });
    }
    return found.get(0);
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** The DLQ reason Connect writes in its error headers. */
  static String deadLetterReason(ConsumerRecord<byte[], byte[]> record) {
    return header(record, "__connect.errors.exception.message");
  }

  /** Skips the test where the binary is missing, unless CI (ALERTSTREAM_REQUIRE_TOOLS) needs it. */
  static void requireBinary(Path binary) {
    if (!Files.isExecutable(binary)) {
      if (System.getenv("ALERTSTREAM_REQUIRE_TOOLS") != null) {
        throw new AssertionError(binary + " is missing; .ci/run installs it");
      }
      org.junit.jupiter.api.Assumptions.abort(binary + " is not installed");
    }
  }

  /**
   * A second API on the shared stack's topology, with authentication on for the given tenants and
   * passwords.
   */
  static ApiServer authenticatedApi(LocalStack stack, Map<String, String> passwords)
      throws IOException {
    Map<String, String> hashes = new java.util.HashMap<>();
    passwords.forEach((tenant, pw) -> hashes.put(tenant, PasswordHash.hash(pw.toCharArray())));
    return new ApiServer(
            new InetSocketAddress("127.0.0.1", 0),
            stack.server().apiServices().withCredentials(TenantCredentials.of(hashes)),
            Clock.systemUTC())
        .start();
  }

  static String webhookConfig(String url) {
    return "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 0s\n  group_interval: 1s\nreceivers:\n  - name: team\n    webhook_configs:\n      - url: '"
        + url
        + "'\n";
  }
}
