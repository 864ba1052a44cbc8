package io.alertstream.api.server;

import io.alertstream.api.auth.TenantCredentials;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.topology.streams.TopologySettings;
import io.alertstream.topology.tenancy.FallbackConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What the topology and API need to run.
 *
 * @param kafka properties every Kafka client of this instance gets: {@code bootstrap.servers} and
 *     whatever the cluster needs besides (security protocol, SASL, TLS stores, timeouts)
 * @param registryUrl the Confluent-compatible schema registry API
 * @param registryUserInfo {@code user:password} for the registry's basic authentication, or null
 * @param apiAddress where the API listens
 * @param advertisedApi how other instances reach this one's API ({@code application.server})
 * @param externalUrl how users reach this Alertstream, put in notifications
 * @param replicationFactor of Streams' internal topics
 * @param standbyReplicas warm copies of each task's state on other instances, for fast fail-over
 * @param streamThreads Kafka Streams threads of this instance
 * @param fallbackConfig the alertmanager.yml a tenant without a config runs
 * @param limits per-tenant limits on configs, alerts, aggregation groups and silences
 * @param instanceId stable id of this instance for static group membership, or null
 * @param credentials per-tenant credentials; present, the API requires each request to authenticate
 *     as its tenant
 * @param blockPrivateEgress receiver tests refuse endpoints at loopback, private or link-local
 *     addresses
 */
public record ServerSettings(
    Map<String, String> kafka,
    String registryUrl,
    String registryUserInfo,
    Path stateDir,
    InetSocketAddress apiAddress,
    HostInfo advertisedApi,
    String externalUrl,
    int replicationFactor,
    int standbyReplicas,
    int streamThreads,
    String fallbackConfig,
    TenantLimits limits,
    String instanceId,
    Optional<TenantCredentials> credentials,
    boolean blockPrivateEgress,
    Duration untilResolvedGrace,
    Optional<Path> limitsOverridesFile,
    Optional<Path> fallbackConfigFile) {

  /** Mimir's default fallback: one receiver that notifies nobody. */
  public static final String DEFAULT_FALLBACK_CONFIG = FallbackConfig.DEFAULT;

  public ServerSettings {
    kafka = Map.copyOf(kafka);
    if (!kafka.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
      throw new IllegalArgumentException("kafka settings need bootstrap.servers");
    }
  }

  /** One instance on a single local broker, its API advertised as {@code localhost}. */
  public static ServerSettings singleNode(
      String bootstrapServers,
      String registryUrl,
      Path stateDir,
      int apiPort,
      String externalUrl,
      TenantLimits limits,
      String instanceId,
      Optional<TenantCredentials> credentials) {
    return new ServerSettings(
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        registryUrl,
        null,
        stateDir,
        new InetSocketAddress("localhost", apiPort),
        new HostInfo("localhost", apiPort),
        externalUrl,
        1,
        0,
        1,
        DEFAULT_FALLBACK_CONFIG,
        limits,
        instanceId,
        credentials,
        false,
        TopologySettings.DEFAULT_UNTIL_RESOLVED_GRACE,
        Optional.empty(),
        Optional.empty());
  }

  /** The same settings with another grace for silences until resolved. */
  public ServerSettings withUntilResolvedGrace(Duration grace) {
    return new ServerSettings(
        kafka,
        registryUrl,
        registryUserInfo,
        stateDir,
        apiAddress,
        advertisedApi,
        externalUrl,
        replicationFactor,
        standbyReplicas,
        streamThreads,
        fallbackConfig,
        limits,
        instanceId,
        credentials,
        blockPrivateEgress,
        grace,
        limitsOverridesFile,
        fallbackConfigFile);
  }

  /** The same settings with per-tenant limits read from this file (Mimir's overrides format). */
  public ServerSettings withLimitsOverridesFile(Optional<Path> file) {
    return new ServerSettings(
        kafka,
        registryUrl,
        registryUserInfo,
        stateDir,
        apiAddress,
        advertisedApi,
        externalUrl,
        replicationFactor,
        standbyReplicas,
        streamThreads,
        fallbackConfig,
        limits,
        instanceId,
        credentials,
        blockPrivateEgress,
        untilResolvedGrace,
        file,
        fallbackConfigFile);
  }

  public String bootstrapServers() {
    return kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
  }
}
