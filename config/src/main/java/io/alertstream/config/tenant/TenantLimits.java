package io.alertstream.config.tenant;

/**
 * Per-tenant limits, named as Mimir names them. Zero means no limit.
 *
 * @param maxConfigSizeBytes {@code alertmanager_max_config_size_bytes}
 * @param maxTemplatesCount {@code alertmanager_max_templates_count}
 * @param maxTemplateSizeBytes {@code alertmanager_max_template_size_bytes}
 * @param maxAlertsCount {@code alertmanager_max_alerts_count}: alerts held (firing or recently
 *     resolved); new ones past it are refused
 * @param maxAlertsSizeBytes {@code alertmanager_max_alerts_size_bytes}: their labels and
 *     annotations together
 * @param maxAggregationGroups {@code alertmanager_max_dispatcher_aggregation_groups}
 * @param maxSilences {@code alertmanager_max_silences_count}: silences not yet expired
 * @param maxSilenceDuration {@code alertmanager_max_silence_duration}: how long a silence may last
 *     from its start (or from now, when it started earlier); zero for no limit
 * @param maxSilenceMatchers {@code alertmanager_max_silence_matchers_count}: matchers one silence
 *     may have
 * @param firewall Mimir's receiver firewall: the addresses the tenant's integrations may not call
 */
public record TenantLimits(
    int maxConfigSizeBytes,
    int maxTemplatesCount,
    int maxTemplateSizeBytes,
    int maxAlertsCount,
    long maxAlertsSizeBytes,
    int maxAggregationGroups,
    int maxSilences,
    java.time.Duration maxSilenceDuration,
    int maxSilenceMatchers,
    ReceiverFirewall firewall) {

  public static final TenantLimits NONE = new TenantLimits(0, 0, 0, 0, 0, 0, 0);

  /** Without limits on one silence's duration and matchers. */
  public TenantLimits(
      int maxConfigSizeBytes,
      int maxTemplatesCount,
      int maxTemplateSizeBytes,
      int maxAlertsCount,
      long maxAlertsSizeBytes,
      int maxAggregationGroups,
      int maxSilences) {
    this(
        maxConfigSizeBytes,
        maxTemplatesCount,
        maxTemplateSizeBytes,
        maxAlertsCount,
        maxAlertsSizeBytes,
        maxAggregationGroups,
        maxSilences,
        java.time.Duration.ZERO,
        0,
        ReceiverFirewall.OPEN);
  }

  /** Limits on configs only. */
  public TenantLimits(int maxConfigSizeBytes, int maxTemplatesCount, int maxTemplateSizeBytes) {
    this(maxConfigSizeBytes, maxTemplatesCount, maxTemplateSizeBytes, 0, 0, 0, 0);
  }

  /** These limits with the given limits on configs and templates. */
  public TenantLimits withConfigLimits(
      int maxConfigSizeBytes, int maxTemplatesCount, int maxTemplateSizeBytes) {
    return new TenantLimits(
        maxConfigSizeBytes,
        maxTemplatesCount,
        maxTemplateSizeBytes,
        maxAlertsCount,
        maxAlertsSizeBytes,
        maxAggregationGroups,
        maxSilences,
        maxSilenceDuration,
        maxSilenceMatchers,
        firewall);
  }

  /** These limits with this receiver firewall. */
  public TenantLimits withFirewall(ReceiverFirewall firewall) {
    return new TenantLimits(
        maxConfigSizeBytes,
        maxTemplatesCount,
        maxTemplateSizeBytes,
        maxAlertsCount,
        maxAlertsSizeBytes,
        maxAggregationGroups,
        maxSilences,
        maxSilenceDuration,
        maxSilenceMatchers,
        firewall);
  }

  /** These limits with the given limits on one silence. */
  public TenantLimits withSilenceLimits(java.time.Duration maxDuration, int maxMatchers) {
    return new TenantLimits(
        maxConfigSizeBytes,
        maxTemplatesCount,
        maxTemplateSizeBytes,
        maxAlertsCount,
        maxAlertsSizeBytes,
        maxAggregationGroups,
        maxSilences,
        maxDuration,
        maxMatchers,
        firewall);
  }

  /** These limits with the given limits on alerts, aggregation groups and silences. */
  public TenantLimits withState(
      int maxAlertsCount, long maxAlertsSizeBytes, int maxAggregationGroups, int maxSilences) {
    return new TenantLimits(
        maxConfigSizeBytes,
        maxTemplatesCount,
        maxTemplateSizeBytes,
        maxAlertsCount,
        maxAlertsSizeBytes,
        maxAggregationGroups,
        maxSilences,
        maxSilenceDuration,
        maxSilenceMatchers,
        firewall);
  }
}
