package io.alertstream.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry, run as a child process, serving the Confluent Schema Registry API. Its H2
 * database lives in the data folder, so schema ids survive a restart as the topics' records do.
 */
public final class RegistryProcess implements AutoCloseable {

  /** Where the Confluent-compatible API is served, relative to the registry's root. */
  public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

  private final Process process;
  private final String url;

  private RegistryProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** The registry's runner jar in the folder the build unpacks it to, or that folder if none. */
  public static Path findRunnerJar(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return folder;
    }
    try (var files = Files.list(folder)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-runner.jar"))
          .findFirst()
          .orElse(folder);
    }
  }

  public static RegistryProcess start(Path runnerJar, int port, Path dataDir, Duration timeout)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(runnerJar)) {
      throw new IOException(
          "schema registry not found at "
              + runnerJar
              + "; build it with 'mvn -pl deploy/local -am package -DskipTests'");
    }
    Files.createDirectories(dataDir);
    stopLeftover(dataDir.resolve("registry.pid"));
    Path log = dataDir.resolve("registry.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            // It registers a few dozen schemas and answers lookups that clients cache: a small
            // heap and C1 only keep it at about 180 MB resident (313 MB with 384 MB and C2), and
            // it serves about a second sooner.
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m",
            "-Xss512k",
            "-Dquarkus.http.host=127.0.0.1",
            "-Dquarkus.http.port=" + port,
            "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db"),
            "-Dquarkus.log.level=WARN",
            "-jar",
            runnerJar.toAbsolutePath().toString());
    Process process =
        new ProcessBuilder(command)
            .directory(runnerJar.toAbsolutePath().getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Files.writeString(dataDir.resolve("registry.pid"), Long.toString(process.pid()));
    RegistryProcess registry =
        new RegistryProcess(process, "http://localhost:" + port + CCOMPAT_PATH);
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    registry.awaitReady(timeout, log);
    return registry;
  }

  /**
   * A launcher killed with SIGKILL leaves its registry running, holding the port and the database.
   * The next start stops it, recognised by the pid it wrote and its command line.
   */
  private static void stopLeftover(Path pidFile) throws IOException, InterruptedException {
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile).trim());
    } catch (NumberFormatException e) {
      return;
    }
    var leftover =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().commandLine().orElse("").contains("apicurio-registry"));
    if (leftover.isPresent()) {
      leftover.get().destroyForcibly();
      try {
        leftover.get().onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IOException(
            "a schema registry left by an earlier run (pid " + pid + ") does not stop", e);
      }
    }
  }

  private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "schema registry exited with "
                + process.exitValue()
                + "; its log ends with:\n"
                + tail(log));
      }
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(URI.create(url + "/subjects"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    close();
    throw new IOException(
        "schema registry not ready after " + timeout + "; its log ends with:\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** The Confluent-compatible API, for serdes' {@code schema.registry.url}. */
  public String url() {
    return url;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
