package io.alertstream.topology.streams;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.config.tenant.TenantLimitsSource;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.schemas.Topics;
import io.alertstream.topology.metrics.TopologyMetrics;
import io.alertstream.topology.tenancy.FallbackConfigSource;
import java.time.Duration;
import java.util.List;

/**
 * What the topology is built with: topic names, the external URL put in notifications, the config
 * of tenants that have none, each tenant's limits (the topology applies the most aggregation groups
 * a tenant may have, {@code alertmanager_max_dispatcher_aggregation_groups}), and how long a
 * silence until resolved waits after the last alert it matched resolved before it ends, and what
 * the topology counts into the instance's metrics.
 */
public record TopologySettings(
    String alertsTopic,
    String alertsDlqTopic,
    String configsTopic,
    String silencesTopic,
    String notificationsTopicPrefix,
    String outcomesTopic,
    String decisionsTopic,
    String externalUrl,
    FallbackConfigSource fallback,
    TenantLimitsSource limits,
    Duration untilResolvedGrace,
    TopologyMetrics metrics) {

  /** The default grace of a silence until resolved. */
  public static final Duration DEFAULT_UNTIL_RESOLVED_GRACE = Duration.ofMinutes(5);

  /** The integration types notifications are emitted for, one topic each. */
  public static final List<String> INTEGRATION_TYPES = TenantSettings.INTEGRATION_TYPES;

  /**
   * @throws IllegalArgumentException if the fallback config is invalid
   */
  public static TopologySettings defaults(String externalUrl, String fallbackConfig) {
    try {
      return new TopologySettings(
          Topics.ALERTS,
          Topics.ALERTS_DLQ,
          Topics.CONFIGS,
          Topics.SILENCES,
          Topics.NOTIFICATIONS_PREFIX,
          Topics.DELIVERY_OUTCOMES,
          Topics.DECISIONS,
          externalUrl,
          new FallbackConfigSource(new ConfigParser().parse(fallbackConfig)),
          TenantLimitsSource.fixed(TenantLimits.NONE),
          DEFAULT_UNTIL_RESOLVED_GRACE,
          TopologyMetrics.NONE);
    } catch (InvalidConfigException e) {
      throw new IllegalArgumentException("invalid fallback config: " + e.getMessage(), e);
    }
  }

  public TopologySettings withLimits(TenantLimitsSource limits) {
    return new TopologySettings(
        alertsTopic,
        alertsDlqTopic,
        configsTopic,
        silencesTopic,
        notificationsTopicPrefix,
        outcomesTopic,
        decisionsTopic,
        externalUrl,
        fallback,
        limits,
        untilResolvedGrace,
        metrics);
  }

  /**
   * Whether a grace for silences until resolved is allowed: at least a second, and at most half the
   * hour resolved alerts are kept, so that the check still sees the alerts that resolved.
   */
  public static boolean validUntilResolvedGrace(Duration grace) {
    return grace.compareTo(Duration.ofSeconds(1)) >= 0
        && grace.compareTo(Duration.ofMinutes(30)) <= 0;
  }

  public TopologySettings withUntilResolvedGrace(Duration grace) {
    if (!validUntilResolvedGrace(grace)) {
      throw new IllegalArgumentException(
          "the grace of silences until resolved must be between 1s and 30m, not " + grace);
    }
    return new TopologySettings(
        alertsTopic,
        alertsDlqTopic,
        configsTopic,
        silencesTopic,
        notificationsTopicPrefix,
        outcomesTopic,
        decisionsTopic,
        externalUrl,
        fallback,
        limits,
        grace,
        metrics);
  }

  /** The live topology of an instance counts into its metrics; replays and tests do not. */
  public TopologySettings withMetrics(TopologyMetrics metrics) {
    return new TopologySettings(
        alertsTopic,
        alertsDlqTopic,
        configsTopic,
        silencesTopic,
        notificationsTopicPrefix,
        outcomesTopic,
        decisionsTopic,
        externalUrl,
        fallback,
        limits,
        untilResolvedGrace,
        metrics);
  }

  /** The fallback config in force now. */
  public AlertmanagerConfig fallbackConfig() {
    return fallback.config();
  }

  public String notificationsTopic(String integrationType) {
    return notificationsTopicPrefix + integrationType;
  }
}
