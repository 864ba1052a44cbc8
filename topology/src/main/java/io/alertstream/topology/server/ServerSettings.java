package io.alertstream.topology.server;

import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.topology.auth.TenantCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the topology and API need to run.
 *
 * @param registryUrl the Confluent-compatible schema registry API
 * @param externalUrl how users reach this Alertstream, put in notifications
 * @param replicationFactor of Streams' internal topics
 * @param fallbackConfig the alertmanager.yml a tenant without a config runs
 * @param limits per-tenant limits on configs, alerts, aggregation groups and silences
 * @param instanceId stable id of this instance for static group membership, or null
 * @param credentials per-tenant credentials; present, the API requires each request to authenticate
 *     as its tenant
 */
public record ServerSettings(
    String bootstrapServers,
    String registryUrl,
    Path stateDir,
    InetSocketAddress apiAddress,
    String externalUrl,
    int replicationFactor,
    String fallbackConfig,
    TenantLimits limits,
    String instanceId,
    Optional<TenantCredentials> credentials) {

  /** Mimir's default fallback: one receiver that notifies nobody. */
  public static final String DEFAULT_FALLBACK_CONFIG =
      "route:\n  receiver: empty-receiver\nreceivers:\n  - name: empty-receiver\n";
}
