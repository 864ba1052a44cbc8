package io.alertstream.bench.compare;

import io.alertstream.bench.TopologyBenchmark;
import io.alertstream.local.FreePorts;
import io.alertstream.local.LocalLauncher;
import io.alertstream.local.RegistryProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Alertstream's local launcher in a JVM of its own: broker, registry (a child process), topology,
 * API and Connect with the sinks, all counted.
 */
final class AlertstreamSystem implements SystemUnderTest {

  static final int PARTITIONS = 6;

  private final Path dir;
  private final int[] ports;
  private Process process;

  AlertstreamSystem(Path dir) throws Exception {
    this.dir = Files.createDirectories(dir);
    this.ports = FreePorts.distinct(6);
    Files.createDirectories(dir.resolve("no-tenants"));
  }

  @Override
  public String name() {
    return "Alertstream";
  }

  @Override
  public void start() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("launcher.log");
    Files.deleteIfExists(log);
    process =
        new ProcessBuilder(
                jvm(
                    java,
                    "-Xmx2g",
                    "-Dalertstream.data.dir=" + dir.resolve("data"),
                    "-Dalertstream.kafka.port=" + ports[0],
                    "-Dalertstream.controller.port=" + ports[1],
                    "-Dalertstream.registry.port=" + ports[2],
                    "-Dalertstream.api.port=" + ports[3],
                    "-Dalertstream.connect.port=" + ports[4],
                    "-Dalertstream.inbox.port=" + ports[5],
                    "-Dalertstream.tenants.dir=" + dir.resolve("no-tenants"),
                    "-Dalertstream.partitions=" + PARTITIONS,
                    "-Dalertstream.registry.jar="
                        + RegistryProcess.findRunnerJar(Path.of("deploy/local/target/registry")),
                    "-cp",
                    System.getProperty("java.class.path"),
                    LocalLauncher.class.getName()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Processes.await(
        "Alertstream running",
        Duration.ofSeconds(240),
        () -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("the launcher exited; see " + log);
          }
          try {
            return Files.readString(log).contains("Alertstream is running");
          } catch (java.io.IOException e) {
            return false;
          }
        });
  }

  /**
   * The launcher's command; ALERTSTREAM_BENCH_JFR=file records a JFR profile of it, and
   * ALERTSTREAM_BENCH_JVM_OPTS adds JVM options (space-separated) to try a tuning.
   */
  private static List<String> jvm(String... command) {
    List<String> all = new java.util.ArrayList<>(List.of(command));
    String jfr = System.getenv("ALERTSTREAM_BENCH_JFR");
    if (jfr != null) {
      all.add(2, "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
    }
    String options = System.getenv("ALERTSTREAM_BENCH_JVM_OPTS");
    if (options != null && !options.isBlank()) {
      all.addAll(2, List.of(options.trim().split("\\s+")));
    }
    return all;
  }

  @Override
  public void configure(
      Workload workload, String receiverUrl, Duration groupWait, Duration groupInterval)
      throws Exception {
    String body =
        "alertmanager_config: |\n  route:\n    receiver: counter\n    group_by: [alertname, instance]\n"
            + "    group_wait: "
            + groupWait.toMillis()
            + "ms\n    group_interval: "
            + groupInterval.toMillis()
            + "ms\n    repeat_interval: 4h\n  receivers:\n"
            + "    - name: counter\n      webhook_configs:\n        - url: '"
            + receiverUrl
            + "'\n          send_resolved: false\n";
    for (int t = 0; t < workload.tenants(); t++) {
      int status =
          Processes.send(
                  HttpRequest.newBuilder(URI.create(apiUrl() + "/api/v1/alerts"))
                      .header("X-Scope-OrgID", workload.tenant(t))
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build())
              .statusCode();
      if (status != 201) {
        throw new IllegalStateException("config for " + workload.tenant(t) + " refused: " + status);
      }
    }
  }

  @Override
  public String apiUrl() {
    return "http://127.0.0.1:" + ports[3];
  }

  String bootstrapServers() {
    return "localhost:" + ports[0];
  }

  String registryUrl() {
    return "http://localhost:" + ports[2] + RegistryProcess.CCOMPAT_PATH;
  }

  @Override
  public boolean tenantHeader() {
    return true;
  }

  @Override
  public ProcessHandle process() {
    return process.toHandle();
  }

  @Override
  public void awaitIngested() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      TopologyBenchmark.awaitConsumed(admin, PARTITIONS);
    }
  }

  @Override
  public long stateBytes() throws Exception {
    return Processes.size(dir.resolve("data").resolve("streams"));
  }

  @Override
  public Duration restart(Workload workload) throws Exception {
    Processes.stop(process);
    long start = System.nanoTime();
    start();
    // Serving again: the first tenant's alerts are all back (restored from the changelogs).
    String url = apiUrl() + "/api/v2/alerts";
    Processes.await(
        "alerts served after the restart",
        Duration.ofSeconds(120),
        () -> {
          try {
            String body =
                Processes.send(
                        HttpRequest.newBuilder(URI.create(url))
                            .header("X-Scope-OrgID", workload.tenant(0))
                            .build())
                    .body();
            return body.split("\"fingerprint\"", -1).length - 1 >= workload.alertsPerTenant();
          } catch (Exception e) {
            return false;
          }
        });
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    if (process != null) {
      Processes.stop(process);
    }
  }
}
