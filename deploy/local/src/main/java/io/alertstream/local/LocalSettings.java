package io.alertstream.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local launcher keeps its data and which ports its parts listen on.
 *
 * @param tenantsDir folder of example tenant configs ({@code <tenant>.yml}) loaded at start
 * @param connectorOverrides extra settings for the sink connectors
 */
public record LocalSettings(
    Path dataDir,
    int brokerPort,
    int controllerPort,
    int registryPort,
    int apiPort,
    int connectPort,
    int inboxPort,
    Path registryJar,
    Path tenantsDir,
    int partitions,
    Map<String, String> connectorOverrides) {

  public static final int DEFAULT_BROKER_PORT = 9092;
  public static final int DEFAULT_API_PORT = 9093;
  public static final int DEFAULT_CONTROLLER_PORT = 9094;
  public static final int DEFAULT_INBOX_PORT = 9095;
  public static final int DEFAULT_REGISTRY_PORT = 8081;
  public static final int DEFAULT_CONNECT_PORT = 8083;

  public String externalUrl() {
    return "http://localhost:" + apiPort;
  }
}
