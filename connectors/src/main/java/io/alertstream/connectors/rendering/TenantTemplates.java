package io.alertstream.connectors.rendering;

import io.alertstream.templates.RenderLimits;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a tenant's template set: Alertmanager's defaults, then the tenant's template files; {@code
 * tenantID} in them returns the tenant's id.
 */
public final class TenantTemplates {

  /** The defaults alone. */
  public static final TemplateSet DEFAULTS =
      DefaultTemplates.register(TemplateSet.builder()).build();

  private TenantTemplates() {}

  /**
   * @param tenant the tenant's id, which {@code tenantID} returns ("" for none)
   * @param files template file name → text, parsed in name order
   * @param limits what one notification's rendering may spend
   * @throws TemplateException naming the file that does not parse
   */
  public static TemplateSet of(String tenant, Map<String, String> files, RenderLimits limits)
      throws TemplateException {
    if (tenant.isEmpty() && files.isEmpty() && limits.equals(RenderLimits.DEFAULT)) {
      return DEFAULTS;
    }
    TemplateSet.Builder builder =
        DefaultTemplates.register(TemplateSet.builder()).tenant(tenant).limits(limits);
    for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
      builder.parse(file.getKey(), file.getValue());
    }
    return builder.build();
  }

  /** Without a tenant: {@code tenantID} returns "". */
  public static TemplateSet of(Map<String, String> files, RenderLimits limits)
      throws TemplateException {
    return of("", files, limits);
  }

  /** The tenant's templates with the default render limits. */
  public static TemplateSet of(String tenant, Map<String, String> files) throws TemplateException {
    return of(tenant, files, RenderLimits.DEFAULT);
  }

  /** With the default render limits, without a tenant. */
  public static TemplateSet of(Map<String, String> files) throws TemplateException {
    return of("", files, RenderLimits.DEFAULT);
  }
}
