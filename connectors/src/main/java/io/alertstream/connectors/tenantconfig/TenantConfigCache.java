package io.alertstream.connectors.tenantconfig;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.tenant.ParsedConfigs;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.templates.RenderLimits;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest valid config of each tenant, as read from the configs topic. A config that does not
 * validate is ignored, so a tenant keeps its last good one, as in the topology.
 */
public final class TenantConfigCache implements TenantConfigSource {

  private static final Logger LOG = LoggerFactory.getLogger(TenantConfigCache.class);

  /**
   * A tenant's parsed config, its templates, its Alertstream settings (dry run) and the version
   * they came from.
   */
  public record Entry(
      long version, AlertmanagerConfig config, TemplateSet templates, TenantSettings settings) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Object changed = new Object();
  private final RenderLimits renderLimits;

  /** With the default render limits. */
  public TenantConfigCache() {
    this(RenderLimits.DEFAULT);
  }

  /**
   * @param renderLimits what each notification's rendering with a tenant's templates may spend
   */
  public TenantConfigCache(RenderLimits renderLimits) {
    this.renderLimits = renderLimits;
  }

  public void apply(String tenant, TenantConfig config) {
    if (tenant == null) {
      return;
    }
    if (config == null) {
      entries.remove(tenant);
      CompiledTemplates.SHARED.forget(tenant);
      signal();
      return;
    }
    Entry current = entries.get(tenant);
    if (current != null && current.version() >= config.getVersion()) {
      return;
    }
    try {
      entries.put(
          tenant,
          new Entry(
              config.getVersion(),
              ParsedConfigs.shared()
                  .parse(tenant, config.getVersion(), config.getAlertmanagerConfig()),
              CompiledTemplates.SHARED.of(
                  tenant, config.getVersion(), config.getTemplateFiles(), renderLimits),
              settings(config)));
      signal();
    } catch (InvalidConfigException | TemplateException e) {
      LOG.warn(
          "tenant {}: config version {} ignored: {}", tenant, config.getVersion(), e.getMessage());
    }
  }

  /** The settings the config was stored with (the config API's {@code alertstream:} section). */
  static TenantSettings settings(TenantConfig config) {
    return new TenantSettings(config.getDryRun(), new HashSet<>(config.getDryRunIntegrations()));
  }

  public Optional<Entry> get(String tenant) {
    return Optional.ofNullable(entries.get(tenant));
  }

  /**
   * The tenant's config once it is at least {@code version}, waiting up to {@code timeout} for the
   * reader to catch up; empty if it does not in time.
   */
  @Override
  public Optional<Entry> awaitVersion(String tenant, long version, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (changed) {
      while (true) {
        Entry entry = entries.get(tenant);
        if (entry != null && entry.version() >= version) {
          return Optional.of(entry);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.ofNullable(entry);
        }
        changed.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private void signal() {
    synchronized (changed) {
      changed.notifyAll();
    }
  }
}
