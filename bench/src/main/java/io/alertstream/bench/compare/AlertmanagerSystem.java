package io.alertstream.bench.compare;

import io.alertstream.local.FreePorts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Debian's Alertmanager 0.25, one process for all tenants (the tenant is a label). */
final class AlertmanagerSystem implements SystemUnderTest {

  static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

  private final Path dir;
  private final int port;
  private Process process;
  private final java.util.Map<String, String> routes = new java.util.LinkedHashMap<>();

  AlertmanagerSystem(Path dir) throws Exception {
    this.dir = Files.createDirectories(dir);
    this.port = FreePorts.one();
    Files.writeString(config(), "route:\n  receiver: nobody\nreceivers:\n  - name: nobody\n");
  }

  @Override
  public String name() {
    return "Alertmanager 0.25";
  }

  private Path config() {
    return dir.resolve("alertmanager.yml");
  }

  @Override
  public void start() throws Exception {
    process =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + config(),
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dir.resolve("alertmanager.log").toFile()))
            .start();
    Processes.await(
        "Alertmanager ready",
        Duration.ofSeconds(30),
        () -> Processes.status(apiUrl() + "/-/ready") == 200);
  }

  @Override
  public void configure(
      Workload workload, String receiverUrl, Duration groupWait, Duration groupInterval)
      throws Exception {
    // One Alertmanager for all tenants: a route per workload, by the tenant label.
    routes.put(
        workload.prefix(),
        "    - matchers: ['tenant=~\""
            + workload.prefix()
            + ".*\"']\n"
            + "      group_wait: "
            + groupWait.toMillis()
            + "ms\n"
            + "      group_interval: "
            + groupInterval.toMillis()
            + "ms\n");
    Files.writeString(
        config(),
        "route:\n  receiver: counter\n  group_by: [tenant, alertname, instance]\n"
            + "  repeat_interval: 4h\n  routes:\n"
            + String.join("", routes.values())
            + "receivers:\n  - name: counter\n"
            + "    webhook_configs:\n      - url: '"
            + receiverUrl
            + "'\n        send_resolved: false\n");
    int status =
        Processes.send(
                HttpRequest.newBuilder(URI.create(apiUrl() + "/-/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build())
            .statusCode();
    if (status != 200) {
      throw new IllegalStateException("Alertmanager refused the config: " + status);
    }
  }

  @Override
  public String apiUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public boolean tenantHeader() {
    return false;
  }

  @Override
  public ProcessHandle process() {
    return process.toHandle();
  }

  @Override
  public void awaitIngested() {
    // Alertmanager stores posted alerts before it answers the POST.
  }

  @Override
  public long stateBytes() throws Exception {
    return Processes.size(dir.resolve("data"));
  }

  @Override
  public Duration restart(Workload workload) throws Exception {
    Processes.stop(process);
    long start = System.nanoTime();
    start();
    // Alertmanager keeps silences and the notification log, not alerts: it serves at once, and
    // holds the alerts again only when the rulers next send them.
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    if (process != null) {
      Processes.stop(process);
    }
  }
}
