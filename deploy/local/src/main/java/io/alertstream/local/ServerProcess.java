package io.alertstream.local;

import io.alertstream.api.server.ServerConfiguration;
import io.alertstream.api.server.ServerMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One {@code ./alertstream server} instance in a JVM of its own, on this JVM's classpath: for tests
 * and benchmarks that run several instances, kill them and start more.
 */
public final class ServerProcess implements AutoCloseable {

  private static final String RUNNING = "Alertstream server is running";

  private final String name;
  private final Process process;
  private final Path log;
  private final int apiPort;

  private ServerProcess(String name, Process process, Path log, int apiPort) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.apiPort = apiPort;
  }

  /**
   * Starts an instance with these settings (keys as in the properties file) and waits until it
   * runs.
   */
  public static ServerProcess start(
      String name, Map<String, String> settings, Path logDir, Duration timeout)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx512m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ServerMain.class.getName()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    settings.forEach(
        (key, value) -> builder.environment().put(ServerConfiguration.envName(key), value));
    Process process = builder.start();
    ServerProcess server =
        new ServerProcess(name, process, log, Integer.parseInt(settings.get("api.port")));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!server.log().contains(RUNNING)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        server.kill();
        throw new IllegalStateException(name + " did not start:\n" + server.log());
      }
      Thread.sleep(100);
    }
    return server;
  }

  public String name() {
    return name;
  }

  public String apiUrl() {
    return "http://localhost:" + apiPort;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the instance printed so far. */
  public String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** SIGKILL: no shutdown hook, no goodbye to the group, state left as it was. */
  public void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: the instance closes Kafka Streams and leaves its group. */
  public void stop() {
    process.destroy();
    if (!awaitExit(Duration.ofSeconds(60))) {
      kill();
    }
  }

  private boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
