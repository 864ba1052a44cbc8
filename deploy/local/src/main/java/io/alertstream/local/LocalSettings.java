package io.alertstream.local;

import io.alertstream.api.auth.TenantCredentials;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.topology.streams.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local launcher keeps its data and which ports its parts listen on.
 *
 * @param tenantsDir folder of example tenant configs ({@code <tenant>.yml}) loaded at start
 * @param connectorOverrides extra settings for the sink connector (every integration type; {@code
 *     integration.<type>.<setting>} for one type); dry run is not one of them by default: it is per
 *     tenant, set in the tenant's config
 * @param limits per-tenant limits
 * @param credentials per-tenant credentials; present, the API requires authentication
 * @param untilResolvedGrace how long a silence until resolved waits after its alerts resolved
 * @param limitsOverridesFile per-tenant limits in Mimir's overrides format, re-read when changed
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
    Map<String, String> connectorOverrides,
    TenantLimits limits,
    Optional<TenantCredentials> credentials,
    Duration untilResolvedGrace,
    Optional<Path> limitsOverridesFile) {

  public static final int DEFAULT_BROKER_PORT = 9092;
  public static final int DEFAULT_API_PORT = 9093;
  public static final int DEFAULT_CONTROLLER_PORT = 9094;
  public static final int DEFAULT_INBOX_PORT = 9095;
  public static final int DEFAULT_REGISTRY_PORT = 8081;
  public static final int DEFAULT_CONNECT_PORT = 8083;

  /**
   * Settings on six free ports, without tenant limits or credentials, for a stack that runs beside
   * others on one machine (tests and benchmarks).
   */
  public static LocalSettings onFreePorts(
      Path dataDir,
      Path registryJar,
      Path tenantsDir,
      int partitions,
      Map<String, String> connectorOverrides)
      throws java.io.IOException {
    int[] ports = FreePorts.distinct(6);
    return new LocalSettings(
        dataDir,
        ports[0],
        ports[1],
        ports[2],
        ports[3],
        ports[4],
        ports[5],
        registryJar,
        tenantsDir,
        partitions,
        connectorOverrides,
        TenantLimits.NONE,
        Optional.empty(),
        TopologySettings.DEFAULT_UNTIL_RESOLVED_GRACE,
        Optional.empty());
  }

  public LocalSettings withUntilResolvedGrace(Duration grace) {
    return new LocalSettings(
        dataDir,
        brokerPort,
        controllerPort,
        registryPort,
        apiPort,
        connectPort,
        inboxPort,
        registryJar,
        tenantsDir,
        partitions,
        connectorOverrides,
        limits,
        credentials,
        grace,
        limitsOverridesFile);
  }

  public String externalUrl() {
    return "http://localhost:" + apiPort;
  }
}
