package io.alertstream.config.tenant;

/**
 * Per-tenant limits on configs, named as Mimir names them. Zero means no limit.
 *
 * @param maxConfigSizeBytes {@code alertmanager_max_config_size_bytes}
 * @param maxTemplatesCount {@code alertmanager_max_templates_count}
 * @param maxTemplateSizeBytes {@code alertmanager_max_template_size_bytes}
 */
public record TenantLimits(
    int maxConfigSizeBytes, int maxTemplatesCount, int maxTemplateSizeBytes) {

  public static final TenantLimits NONE = new TenantLimits(0, 0, 0);
}
