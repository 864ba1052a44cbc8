package io.alertstream.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.api.server.TopicPlan;
import io.alertstream.local.EmbeddedKafkaBroker;
import io.alertstream.local.FreePorts;
import io.alertstream.topology.streams.TopologySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both image tarballs, unpacked layer by layer and run as a container runtime would run them (own
 * root, /proc, the image's entrypoint, environment and user; the host's network), against a real
 * broker: the server becomes ready and serves /metrics, the Connect worker lists Alertstream's
 * connectors.
 */
class ImagesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path dir;
  private static EmbeddedKafkaBroker broker;
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path work;

  @BeforeAll
  static void startBroker() throws Exception {
    dir = Files.createTempDirectory("alertstream-images");
    int[] ports = FreePorts.distinct(2);
    broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), ports[0], ports[1]);
    Properties props = new Properties();
    props.put("bootstrap.servers", broker.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      TopicPlan.ensure(admin, TopicPlan.topics(3, (short) 1, TopologySettings.INTEGRATION_TYPES));
    }
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void theServerImageRunsTheTopologyAndServesMetrics() throws Exception {
    Image image = Image.unpack(Path.of("../server/target/jib-image.tar"), work);
    int port = FreePorts.one();
    Process server =
        image.run(
            Map.of(
                "ALERTSTREAM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "ALERTSTREAM_REGISTRY_URL", "http://127.0.0.1:9/not-needed-until-records",
                "ALERTSTREAM_API_PORT", Integer.toString(port),
                "ALERTSTREAM_API_ADVERTISED_HOST", "127.0.0.1",
                "ALERTSTREAM_STREAMS_REPLICATION_FACTOR", "1"),
            List.of(),
            work.resolve("server.log"));
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .failFast("server exited", () -> !server.isAlive())
          .until(() -> status("http://127.0.0.1:" + port + "/-/ready") == 200);
      String metrics = get("http://127.0.0.1:" + port + "/metrics");
      assertThat(metrics)
          .contains("alertstream_streams_running 1.0")
          .containsPattern("alertstream_state_store_entries\\{store=\"alerts\"} [0-9]");
      assertThat(Files.readString(work.resolve("server.log")))
          .contains("Alertstream server is running");
    } finally {
      kill(server);
      System.out.println(Files.readString(work.resolve("server.log")).lines().limit(20).toList());
    }
  }

  @Test
  void theServerImageNamesMissingSettings() throws Exception {
    Image image = Image.unpack(Path.of("../server/target/jib-image.tar"), work);
    Process server = image.run(Map.of(), List.of(), work.resolve("server.log"));
    assertThat(server.waitFor()).isEqualTo(2);
    assertThat(Files.readString(work.resolve("server.log")))
        .contains("kafka.bootstrap.servers: missing")
        .contains("ALERTSTREAM_REGISTRY_URL");
  }

  @Test
  void theConnectImageRunsAWorkerWithAlertstreamsConnectors() throws Exception {
    Image image = Image.unpack(Path.of("../connect/target/jib-image.tar"), work);
    int port = FreePorts.one();
    String worker =
        Files.readString(image.root().resolve("etc/kafka-connect/worker.properties"))
            .replace("listeners=http://:8083", "listeners=http://127.0.0.1:" + port)
            .replace("replication.factor=-1", "replication.factor=1");
    Files.writeString(image.root().resolve("tmp/worker.properties"), worker);
    Process connect =
        image.run(
            Map.of("CONNECT_BOOTSTRAP_SERVERS", broker.bootstrapServers()),
            List.of("/tmp/worker.properties"),
            work.resolve("connect.log"));
    try {
      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofSeconds(1))
          .failFast("worker exited", () -> !connect.isAlive())
          .until(() -> status("http://127.0.0.1:" + port + "/connector-plugins") == 200);
      String plugins = get("http://127.0.0.1:" + port + "/connector-plugins");
      assertThat(plugins)
          .contains("io.alertstream.connectors.sink.NotificationSinkConnector")
          .doesNotContain("io.alertstream.connectors.webhook.WebhookSinkConnector");
    } finally {
      kill(connect);
    }
  }

  /** The image's process runs as a child of unshare (in its own PID namespace): kill both. */
  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().waitFor();
  }

  private int status(String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String get(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** An image tarball (docker save format) unpacked into a root file system. */
  private record Image(
      Path root, List<String> entrypoint, List<String> cmd, List<String> env, String user) {

    static Image unpack(Path tarball, Path work) throws Exception {
      assertThat(tarball).as("built by mvn package").exists();
      Path layout = Files.createDirectories(work.resolve("layout"));
      Path root = Files.createDirectories(work.resolve("root"));
      exec(List.of("tar", "-xf", tarball.toAbsolutePath().toString(), "-C", layout.toString()));
      JsonNode manifest = JSON.readTree(layout.resolve("manifest.json").toFile()).get(0);
      for (JsonNode layer : manifest.get("Layers")) {
        exec(
            List.of(
                "tar", "-xzf", layout.resolve(layer.asText()).toString(), "-C", root.toString()));
      }
      JsonNode config =
          JSON.readTree(layout.resolve(manifest.get("Config").asText()).toFile()).get("config");
      // What a container runtime provides: /proc (mounted below), name resolution.
      Files.createDirectories(root.resolve("proc"));
      for (String file : List.of("etc/hosts", "etc/resolv.conf")) {
        Path host = Path.of("/", file);
        if (Files.exists(host)) {
          Files.copy(host, root.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return new Image(
          root,
          strings(config.get("Entrypoint")),
          strings(config.get("Cmd")),
          strings(config.get("Env")),
          config.path("User").asText());
    }

    /** Runs the entrypoint in the image's root as its user, with its environment plus extra. */
    Process run(Map<String, String> extraEnv, List<String> args, Path log) throws IOException {
      requireTool("unshare");
      String[] user = user().split(":");
      List<String> command =
          new ArrayList<>(
              List.of(
                  "unshare",
                  "--mount",
                  "--pid",
                  "--fork",
                  "--root=" + root,
                  "--mount-proc",
                  "--setuid",
                  user[0],
                  "--setgid",
                  user.length > 1 ? user[1] : user[0]));
      command.addAll(entrypoint);
      command.addAll(args.isEmpty() ? cmd : args);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().clear();
      for (String e : env) {
        int eq = e.indexOf('=');
        builder.environment().put(e.substring(0, eq), e.substring(eq + 1));
      }
      builder.environment().putAll(extraEnv);
      return builder.start();
    }

    private static void requireTool(String tool) {
      boolean root = "root".equals(System.getProperty("user.name"));
      if (!root) {
        if (System.getenv("ALERTSTREAM_REQUIRE_TOOLS") != null) {
          throw new AssertionError("running an image's root file system needs root");
        }
        Assumptions.abort("running an image's root file system needs root");
      }
    }

    private static List<String> strings(JsonNode array) {
      List<String> values = new ArrayList<>();
      if (array != null) {
        array.forEach(v -> values.add(v.asText()));
      }
      return values;
    }

    private static void exec(List<String> command) throws Exception {
      Process p = new ProcessBuilder(command).inheritIO().start();
      assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }
  }
}
