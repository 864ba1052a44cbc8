package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.Fingerprint;
import io.alertstream.topology.streams.AlertstreamTopology;
import io.alertstream.topology.streams.BinaryStateSerdes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher is killed with SIGKILL (with its registry child) while groups wait; after a restart
 * on the same data folder every expected notification arrives exactly once.
 */
class KillNineIT {

  private static final List<String> ALERTS = List.of("KillA", "KillB", "KillC");
  private final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dataDir;
  @TempDir Path tenantsDir;
  private Process launcher;
  private final List<Integer> ports = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    receiver.start();
    receiver.stubFor(post(urlPathEqualTo("/kill")).willReturn(aResponse().withStatus(200)));
    for (int i = 0; i < 6; i++) {
      ports.add(TestStacks.freePort());
    }
  }

  @AfterEach
  void stop() {
    if (launcher != null) {
      killTree(launcher);
    }
    receiver.stop();
  }

  @Test
  void everyPendingNotificationArrivesExactlyOnceAfterAKill() throws Exception {
    launcher = startLauncher("first");
    String config =
        "alertmanager_config: |\n  route:\n    receiver: team\n    group_by: [alertname]\n"
            + "    group_wait: 4s\n    group_interval: 2s\n  receivers:\n    - name: team\n"
            + "      webhook_configs: [{url: '"
            + receiver.baseUrl()
            + "/kill'}]\n";
    assertThat(send("POST", "/api/v1/alerts", config).statusCode()).isEqualTo(201);
    for (String name : ALERTS) {
      assertThat(
              send("POST", "/api/v2/alerts", "[{\"labels\":{\"alertname\":\"" + name + "\"}}]")
                  .statusCode())
          .isEqualTo(200);
    }
    Thread.sleep(1500);
    receiver.verify(0, postRequestedFor(urlPathEqualTo("/kill")));

    long killedAt = System.nanoTime();
    // Only the launcher: its registry is left running, as a real SIGKILL leaves it, and the next
    // start must cope.
    launcher.destroyForcibly();
    launcher.onExit().get();
    launcher = startLauncher("second");
    System.out.printf(
        "launcher restarted %d ms after the kill%n", (System.nanoTime() - killedAt) / 1_000_000);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> receiver.verify(ALERTS.size(), postRequestedFor(urlPathEqualTo("/kill"))));
    System.out.printf(
        "all notifications delivered %d ms after the kill%n",
        (System.nanoTime() - killedAt) / 1_000_000);
    Thread.sleep(5000);
    for (String name : ALERTS) {
      receiver.verify(
          1,
          postRequestedFor(urlPathEqualTo("/kill"))
              .withRequestBody(containing("\"" + name + "\"")));
    }
    // Groups are kept in memory only: the restarted task rebuilt them from the stored alerts.
    HttpResponse<String> groups = send("GET", "/api/v2/alerts/groups", "");
    assertThat(groups.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(groups.body()).findValuesAsText("alertname"))
        .containsAll(ALERTS);
  }

  /**
   * Killed after a flush, while the webhook still holds the request (so no outcome was written):
   * after the restart the notification is redelivered with its idempotency key, and the
   * notification log, pending since the flush, makes no second notification of its own.
   */
  @Test
  void aNotificationInFlightAtTheKillIsRedeliveredWithItsIdempotencyKeyOnly() throws Exception {
    receiver.stubFor(
        post(urlPathEqualTo("/slow"))
            .inScenario("slow")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(200).withFixedDelay(20_000))
            .willSetStateTo("fast"));
    receiver.stubFor(
        post(urlPathEqualTo("/slow"))
            .inScenario("slow")
            .whenScenarioStateIs("fast")
            .willReturn(aResponse().withStatus(200)));
    launcher = startLauncher("first");
    String config =
        "alertmanager_config: |\n  route:\n    receiver: team\n    group_by: [alertname]\n"
            + "    group_wait: 0s\n    group_interval: 2s\n  receivers:\n    - name: team\n"
            + "      webhook_configs: [{url: '"
            + receiver.baseUrl()
            + "/slow'}]\n";
    assertThat(send("POST", "/api/v1/alerts", config).statusCode()).isEqualTo(201);
    assertThat(
            send("POST", "/api/v2/alerts", "[{\"labels\":{\"alertname\":\"InFlight\"}}]")
                .statusCode())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> receiver.verify(1, postRequestedFor(urlPathEqualTo("/slow"))));

    launcher.destroyForcibly();
    launcher.onExit().get();
    launcher = startLauncher("second");

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/slow"))).size())
                    .isGreaterThanOrEqualTo(2));
    Thread.sleep(6000); // three group_intervals: the pending log entry makes no new notification
    List<String> keys =
        receiver.findAll(postRequestedFor(urlPathEqualTo("/slow"))).stream()
            .map(r -> r.getHeader("Idempotency-Key"))
            .toList();
    assertThat(keys).hasSizeGreaterThanOrEqualTo(2).containsOnly(keys.get(0));
    // Its history record waited in memory for the outcome and died with the launcher: the outcome
    // after the restart rebuilds it from the notification log.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var records =
                  new ObjectMapper().readTree(send("GET", "/api/v1/notifications", "").body());
              assertThat(records).hasSize(1);
              assertThat(records.get(0).get("id").asText()).isEqualTo(keys.get(0));
              assertThat(records.get(0).get("outcome").asText()).isEqualTo("delivered");
              assertThat(records.get(0).get("fingerprints")).hasSize(1);
            });
  }

  /**
   * Killed while a re-sent alert's later end is held in memory only (its write deferred, see {@code
   * UnchangedResend}): after the restart the alert ends no earlier than that re-sent end.
   */
  @Test
  void aReSentEndWhoseWriteWasDeferredIsNotLostToAKill() throws Exception {
    launcher = startLauncher("first");
    String config =
        "alertmanager_config: |\n  route:\n    receiver: team\n    group_wait: 0s\n"
            + "    group_interval: 2s\n  receivers:\n    - name: team\n"
            + "      webhook_configs: [{url: '"
            + receiver.baseUrl()
            + "/kill'}]\n";
    assertThat(send("POST", "/api/v1/alerts", config).statusCode()).isEqualTo(201);
    Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant firstEnd = startsAt.plusSeconds(200);
    assertThat(send("POST", "/api/v2/alerts", resent(startsAt, firstEnd)).statusCode())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> receiver.verify(1, postRequestedFor(urlPathEqualTo("/kill"))));
    Thread.sleep(3000);
    // Later end, shorter horizon (about 196 s from its receipt): its write is deferred.
    Instant reSentEnd = firstEnd.plusSeconds(1);
    assertThat(send("POST", "/api/v2/alerts", resent(startsAt, reSentEnd)).statusCode())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(apiEndsAt()).isEqualTo(reSentEnd));
    Thread.sleep(1000);
    assertThat(storedEndsAt())
        .as("the store's changelog still holds the first end: the write was deferred")
        .isEqualTo(firstEnd);

    launcher.destroyForcibly();
    launcher.onExit().get();
    launcher = startLauncher("second");

    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(apiEndsAt())
                    .isAfterOrEqualTo(reSentEnd)
                    .isBeforeOrEqualTo(Instant.now().plusSeconds(200)));
  }

  private static String resent(Instant startsAt, Instant endsAt) {
    return "[{\"labels\":{\"alertname\":\"Deferred\"},\"startsAt\":\""
        + startsAt
        + "\",\"endsAt\":\""
        + endsAt
        + "\"}]";
  }

  /** The end of the alert as the API shows it. */
  private Instant apiEndsAt() throws Exception {
    HttpResponse<String> response = send("GET", "/api/v2/alerts", "");
    assertThat(response.statusCode()).isEqualTo(200);
    var alerts = new ObjectMapper().readTree(response.body());
    assertThat(alerts).hasSize(1);
    return Instant.parse(alerts.get(0).get("endsAt").asText());
  }

  /** The end of the alert in the last committed record of the alert store's changelog. */
  private Instant storedEndsAt() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + ports.get(0));
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    String topic = "alertstream-" + AlertstreamTopology.ALERT_STORE + "-changelog";
    String key = "kill\u0000" + Fingerprint.of(Map.of("alertname", "Deferred"));
    Alert last = null;
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key()) && record.value() != null) {
            last = BinaryStateSerdes.ALERT.deserializer().deserialize(topic, record.value());
          }
        }
      }
    }
    assertThat(last).as("a record of the alert in " + topic).isNotNull();
    return Instant.ofEpochMilli(last.endsAt());
  }

  private Process startLauncher(String run) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dataDir.resolve("launcher-" + run + ".log");
    List<String> command =
        List.of(
            java,
            "-Dalertstream.data.dir=" + dataDir.resolve("data"),
            "-Dalertstream.kafka.port=" + ports.get(0),
            "-Dalertstream.controller.port=" + ports.get(1),
            "-Dalertstream.registry.port=" + ports.get(2),
            "-Dalertstream.api.port=" + ports.get(3),
            "-Dalertstream.connect.port=" + ports.get(4),
            "-Dalertstream.inbox.port=" + ports.get(5),
            "-Dalertstream.tenants.dir=" + tenantsDir,
            "-Dalertstream.partitions=3",
            "-Dalertstream.registry.jar="
                + RegistryProcess.findRunnerJar(
                    Path.of(System.getProperty("alertstream.registry.jar")).getParent()),
            "-cp",
            System.getProperty("java.class.path"),
            LocalLauncher.class.getName());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (!Files.readString(log).contains("Alertstream is running")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        killTree(process);
        throw new AssertionError("launcher did not start:\n" + Files.readString(log));
      }
      Thread.sleep(200);
    }
    return process;
  }

  private static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.onExit().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(3) + path))
            .header("X-Scope-OrgID", "kill")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
