package io.alertstream.connectors.tenantconfig;

import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.templates.RenderLimits;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tenant template sets compiled once per config version per process, shared by every sink task of
 * the worker (a template set is immutable and renders on any thread). Keeps the newest version seen
 * of each tenant.
 */
final class CompiledTemplates {

  static final CompiledTemplates SHARED = new CompiledTemplates();

  private record Compiled(
      long version, Map<String, String> files, RenderLimits limits, TemplateSet templates) {}

  private final Map<String, Compiled> newest = new ConcurrentHashMap<>();
  private final AtomicLong compilations = new AtomicLong();

  /** The tenant's templates of config version {@code version}, compiled with {@code limits}. */
  TemplateSet of(String tenant, long version, Map<String, String> files, RenderLimits limits)
      throws TemplateException {
    Compiled known = newest.get(tenant);
    if (known != null
        && known.version() == version
        && known.limits().equals(limits)
        && known.files().equals(files)) {
      return known.templates();
    }
    TemplateSet templates = TenantTemplates.of(tenant, files, limits);
    compilations.incrementAndGet();
    newest.merge(
        tenant,
        new Compiled(version, Map.copyOf(files), limits, templates),
        (old, now) -> now.version() >= old.version() ? now : old);
    return templates;
  }

  /** How many template sets were actually compiled: for tests. */
  long compilations() {
    return compilations.get();
  }

  /** Forgets a tenant whose config was deleted. */
  void forget(String tenant) {
    newest.remove(tenant);
  }
}
