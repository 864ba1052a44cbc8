package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertstream.api.server.TopicPlan;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.topology.streams.TopologySettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several {@code ./alertstream server} instances, each in its own JVM, share one broker's
 * partitions. Instances are killed with SIGKILL, the broker restarts, instances come and go under
 * load: every expected notification is on the notification topic exactly once (read committed, as
 * Connect's sinks read it).
 */
class ScaleOutIT {

  private static final int PARTITIONS = 6;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private static Path dir;
  private static int[] brokerPorts;
  private static EmbeddedKafkaBroker broker;
  private static String registryUrl;
  private static NotificationLog notifications;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ServerProcess> instances = new ArrayList<>();

  @BeforeAll
  static void startBroker() throws Exception {
    registryUrl = TestStacks.shared().registryUrl();
    dir = Files.createTempDirectory("alertstream-scale-out");
    brokerPorts = TestStacks.distinctFreePorts(2);
    broker = startBrokerProcess();
    Properties props = new Properties();
    props.put("bootstrap.servers", broker.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      TopicPlan.ensure(
          admin, TopicPlan.topics(PARTITIONS, (short) 1, TopologySettings.INTEGRATION_TYPES));
    }
    notifications = new NotificationLog(broker.bootstrapServers(), registryUrl);
  }

  private static EmbeddedKafkaBroker startBrokerProcess() throws Exception {
    return EmbeddedKafkaBroker.start(dir.resolve("kafka"), brokerPorts[0], brokerPorts[1]);
  }

  @AfterAll
  static void stopBroker() {
    if (notifications != null) {
      notifications.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @AfterEach
  void stopInstances() {
    instances.forEach(ServerProcess::close);
  }

  @Test
  void survivorsTakeOverTheGroupsOfAKilledInstance() throws Exception {
    for (int i = 0; i < 3; i++) {
      startInstance("kill-" + i);
    }
    List<String> tenants = tenants("kill", 12);
    configure(tenants, "5s");
    Map<String, List<String>> expected = postOneAlertPerGroup(tenants, 3);

    ServerProcess victim = instanceHoldingMostGroups();
    assertThat(notifications.countsFor(tenants)).as("notified before the kill").isEmpty();
    long killedAt = System.nanoTime();
    victim.kill();
    System.out.printf("killed %s (SIGKILL) with its groups pending%n", victim.name());

    awaitExactlyOnce(expected, Duration.ofSeconds(90));
    System.out.printf(
        "fail-over: every notification was on the topic %d ms after the kill"
            + " (group_wait 5 s, due about 4 s after the kill)%n",
        (System.nanoTime() - killedAt) / 1_000_000);
    assertAnsweredByAnySurvivor(tenants.get(0));
  }

  @Test
  void pendingGroupsSurviveABrokerRestart() throws Exception {
    for (int i = 0; i < 3; i++) {
      startInstance("broker-" + i);
    }
    List<String> tenants = tenants("broker", 6);
    configure(tenants, "6s");
    Map<String, List<String>> expected = postOneAlertPerGroup(tenants, 2);

    long stoppedAt = System.nanoTime();
    broker.close();
    Thread.sleep(3000);
    broker = startBrokerProcess();
    System.out.printf(
        "broker restarted, down %d ms%n", (System.nanoTime() - stoppedAt) / 1_000_000);

    awaitExactlyOnce(expected, Duration.ofSeconds(120));
    System.out.printf(
        "after the broker restart every notification was on the topic %d ms after it stopped%n",
        (System.nanoTime() - stoppedAt) / 1_000_000);
    assertThat(instances).allMatch(ServerProcess::isAlive);
  }

  @Test
  void growingFromOneInstanceToThreeAndBackLosesAndRepeatsNothing() throws Exception {
    startInstance("grow-0");
    List<String> tenants = tenants("grow", 12);
    configure(tenants, "1s");
    Map<String, List<String>> expected = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicBoolean loading = new AtomicBoolean(true);
    AtomicInteger sent = new AtomicInteger();
    List<Throwable> loadErrors = new CopyOnWriteArrayList<>();
    Thread load =
        new Thread(
            () -> {
              try {
                while (loading.get()) {
                  int n = sent.getAndIncrement();
                  String tenant = tenants.get(n % tenants.size());
                  String alert = "Steady" + n;
                  postAlert(instances.get(0), tenant, alert);
                  expected.computeIfAbsent(tenant, t -> new CopyOnWriteArrayList<>()).add(alert);
                  Thread.sleep(100);
                }
              } catch (Throwable e) {
                loadErrors.add(e);
              }
            },
            "steady-load");
    load.start();
    Thread.sleep(4000);
    startInstance("grow-1");
    Thread.sleep(6000);
    startInstance("grow-2");
    Thread.sleep(8000);
    instances.get(2).stop();
    System.out.println("grow-2 stopped");
    Thread.sleep(6000);
    instances.get(1).stop();
    System.out.println("grow-1 stopped");
    Thread.sleep(4000);
    loading.set(false);
    load.join();
    assertThat(loadErrors).isEmpty();
    System.out.printf("%d alerts posted while growing 1 -> 3 -> 1 instances%n", sent.get());

    awaitExactlyOnce(expected, Duration.ofSeconds(90));
  }

  // --- instances

  private ServerProcess startInstance(String name) throws Exception {
    int port = TestStacks.freePort();
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
    // Notice a killed instance in 6 s (the broker's minimum) rather than Kafka's 45 s.
    settings.put("kafka.session.timeout.ms", "6000");
    settings.put("kafka.heartbeat.interval.ms", "1500");
    settings.put("registry.url", registryUrl);
    settings.put("state.dir", dir.resolve(name).toString());
    settings.put("api.host", "127.0.0.1");
    settings.put("api.port", Integer.toString(port));
    settings.put("api.advertised.host", "127.0.0.1");
    settings.put("streams.replication.factor", "1");
    settings.put("streams.standby.replicas", "1");
    long t = System.nanoTime();
    ServerProcess instance =
        ServerProcess.start(name, settings, dir.resolve("logs"), START_TIMEOUT);
    System.out.printf("%s running in %d ms%n", name, (System.nanoTime() - t) / 1_000_000);
    instances.add(instance);
    return instance;
  }

  private ServerProcess instanceHoldingMostGroups() throws Exception {
    ServerProcess most = null;
    double mostGroups = -1;
    for (ServerProcess instance : instances) {
      double groups =
          metric(instance, "alertstream_state_store_entries{store=\"aggregation-groups\"}");
      System.out.printf("%s holds about %.0f groups%n", instance.name(), groups);
      if (groups > mostGroups) {
        most = instance;
        mostGroups = groups;
      }
    }
    assertThat(mostGroups).as("groups held by the instance to kill").isPositive();
    return most;
  }

  private double metric(ServerProcess instance, String series) throws Exception {
    String body = get(instance, "/metrics", null).body();
    return body.lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " not in /metrics of " + instance.name()));
  }

  /** Every live instance answers a tenant's query, forwarding it to the owner when not its own. */
  private void assertAnsweredByAnySurvivor(String tenant) throws Exception {
    List<String> answers = new ArrayList<>();
    for (ServerProcess instance : instances) {
      if (instance.isAlive()) {
        HttpResponse<String> response = get(instance, "/api/v2/alerts", tenant);
        assertThat(response.statusCode()).as(instance.name()).isEqualTo(200);
        answers.add(response.body().replaceAll("\"updatedAt\":\"[^\"]*\"", ""));
      }
    }
    assertThat(answers).hasSize(2);
    assertThat(answers.get(0)).contains("Pending0").isEqualTo(answers.get(1));
  }

  // --- tenants, alerts, notifications

  private static List<String> tenants(String prefix, int count) {
    String run = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    List<String> tenants = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tenants.add(run + "-" + i);
    }
    return tenants;
  }

  private void configure(List<String> tenants, String groupWait) throws Exception {
    String body =
        "alertmanager_config: |\n  route:\n    receiver: team\n    group_by: [alertname]\n"
            + "    group_wait: "
            + groupWait
            + "\n    group_interval: 5m\n    repeat_interval: 4h\n  receivers:\n"
            + "    - name: team\n      webhook_configs: [{url: 'http://127.0.0.1:9/hook'}]\n";
    ServerProcess any = instances.get(0);
    for (String tenant : tenants) {
      // The config API needs the tenant's owner: while instances join, it answers 503, retry.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                HttpResponse<String> response =
                    http.send(
                        request(any, "/api/v1/alerts", tenant)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
              });
    }
    for (String tenant : tenants) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> get(any, "/api/v1/alerts", tenant).statusCode() == 200);
    }
  }

  /** Posts {@code perTenant} alerts to each tenant, each its own group; returns them by tenant. */
  private Map<String, List<String>> postOneAlertPerGroup(List<String> tenants, int perTenant)
      throws Exception {
    Map<String, List<String>> posted = new HashMap<>();
    for (String tenant : tenants) {
      for (int i = 0; i < perTenant; i++) {
        postAlert(instances.get(i % instances.size()), tenant, "Pending" + i);
        posted.computeIfAbsent(tenant, t -> new ArrayList<>()).add("Pending" + i);
      }
    }
    return posted;
  }

  private void postAlert(ServerProcess instance, String tenant, String alertname) throws Exception {
    HttpResponse<String> response =
        http.send(
            request(instance, "/api/v2/alerts", tenant)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "[{\"labels\":{\"alertname\":\"" + alertname + "\"}}]"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /**
   * Waits until each posted alert has had its firing notification, then a little longer, and checks
   * that none came twice and nothing else came.
   */
  private static void awaitExactlyOnce(Map<String, List<String>> expected, Duration timeout)
      throws InterruptedException {
    Map<String, Long> wanted =
        expected.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(a -> e.getKey() + "/" + a))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> notifications.countsFor(expected.keySet()).keySet().containsAll(wanted.keySet()));
    Thread.sleep(3000);
    assertThat(notifications.countsFor(expected.keySet())).isEqualTo(wanted);
  }

  private HttpResponse<String> get(ServerProcess instance, String path, String tenant)
      throws Exception {
    return http.send(
        request(instance, path, tenant).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(ServerProcess instance, String path, String tenant) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(instance.apiUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json");
    return tenant == null ? builder : builder.header("X-Scope-OrgID", tenant);
  }

  /** Reads the webhook notification topic, committed records only, into memory. */
  private static final class NotificationLog implements AutoCloseable {
    private final List<Notification> seen = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    NotificationLog(String bootstrapServers, String registryUrl) {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      KafkaConsumer<String, Notification> consumer =
          new KafkaConsumer<>(
              props,
              new StringDeserializer(),
              new AvroDeserializer<>(
                  Notification.class, new RestSchemaRegistryClient(registryUrl)));
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < PARTITIONS; p++) {
        partitions.add(new TopicPartition(Topics.notifications("webhook"), p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      reader =
          new Thread(
              () -> {
                try (consumer) {
                  while (running.get()) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                  }
                }
              },
              "notification-log");
      reader.setDaemon(true);
      reader.start();
    }

    /** Firing notifications per "tenant/alertname" of these tenants. */
    Map<String, Long> countsFor(java.util.Collection<String> tenants) {
      return seen.stream()
          .filter(n -> tenants.contains(n.getTenant()))
          .filter(n -> n.getStatus() == io.alertstream.schemas.AlertStatus.FIRING)
          .map(n -> n.getTenant() + "/" + n.getGroupLabels().get("alertname"))
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Override
    public void close() {
      running.set(false);
      try {
        reader.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
