package io.alertstream.api;

import com.sun.net.httpserver.HttpExchange;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.tenant.ConfigMasker;
import io.alertstream.config.tenant.ParsedConfigs;
import io.alertstream.config.tenant.TenantLimitsSource;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.config.tenant.UserConfig;
import io.alertstream.config.tenant.UserConfigParser;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.tenancy.TenantConfigStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Mimir's config API, {@code /api/v1/alerts}: GET the tenant's config (secrets masked; 404 when it
 * has none), POST a new one (validated first: a bad one is refused with 400 and changes nothing),
 * DELETE it (the tenant falls back to the fallback config). Besides Mimir's {@code
 * alertmanager_config} and {@code template_files}, the body may hold Alertstream's own {@code
 * alertstream:} section ({@link TenantSettings}, e.g. dry run); GET shows it back, with a comment
 * line saying what dry run does, only when the tenant set something. A stored config's answer lists
 * its warnings: keys accepted but not acted on.
 */
final class ConfigApiHandler extends TenantHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigApiHandler.class);
  private static final Duration APPLY_WAIT = Duration.ofSeconds(10);

  private final TenantConfigStore store;
  private final TenantConfigWriter writer;
  private final TenantLimitsSource limits;
  private final Clock clock;
  private final UserConfigParser parser = new UserConfigParser();

  ConfigApiHandler(
      RequestTenant tenants,
      TenantConfigStore store,
      TenantConfigWriter writer,
      TenantLimitsSource limits,
      Clock clock) {
    super(tenants);
    this.store = store;
    this.writer = writer;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  void handle(HttpExchange exchange, String tenant)
      throws IOException, BadRequestException, InterruptedException {
    switch (exchange.getRequestMethod()) {
      case "GET" -> get(exchange, tenant);
      case "POST" -> post(exchange, tenant);
      case "DELETE" -> delete(exchange, tenant);
      default -> throw methodNotAllowed(exchange, "GET, POST, DELETE");
    }
  }

  private void get(HttpExchange exchange, String tenant) throws IOException {
    Optional<TenantConfig> config = store.current(tenant);
    if (config.isEmpty()) {
      JsonResponses.error(exchange, 404, "alertmanager storage object not found");
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("template_files", new LinkedHashMap<>(config.get().getTemplateFiles()));
    body.put("alertmanager_config", ConfigMasker.mask(config.get().getAlertmanagerConfig()));
    TenantSettings settings = settings(config.get());
    if (!settings.toYaml().isEmpty()) {
      body.put(TenantSettings.SECTION, settings.toYaml());
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    String summary = settings.dryRunSummary();
    byte[] yaml =
        ((summary.isEmpty() ? "" : "# " + summary + "\n") + new Yaml(options).dump(body))
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/yaml");
    exchange.sendResponseHeaders(200, yaml.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(yaml);
    }
  }

  private void post(HttpExchange exchange, String tenant) throws IOException, InterruptedException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    UserConfig config;
    try {
      config = parser.parse(body, limits.forTenant(tenant));
    } catch (InvalidConfigException e) {
      JsonResponses.error(exchange, 400, "error validating Alertmanager config: " + e.getMessage());
      return;
    }
    long version =
        Math.max(clock.millis(), store.current(tenant).map(c -> c.getVersion() + 1).orElse(0L));
    TenantConfig record =
        TenantConfig.newBuilder()
            .setTenant(tenant)
            .setVersion(version)
            .setAlertmanagerConfig(config.alertmanagerConfig())
            .setTemplateFiles(config.templateFiles())
            .setUpdatedAt(clock.instant())
            .setDryRun(config.settings().dryRunAll())
            .setDryRunIntegrations(new ArrayList<>(config.settings().dryRunIntegrations()))
            .setResolvedAfterSilence(new ArrayList<>(config.settings().resolvedAfterSilence()))
            .build();
    if (!write(exchange, tenant, record)) {
      return;
    }
    // Parsed by the validation: the topology and the API's reads in this process take it as is.
    ParsedConfigs.shared().remember(tenant, version, config.alertmanagerConfig(), config.parsed());
    if (!store.await(tenant, version, APPLY_WAIT)) {
      LOG.warn(
          "tenant {}: config version {} stored but not applied within {}",
          tenant,
          version,
          APPLY_WAIT);
    }
    if (config.settings().anyDryRun()) {
      LOG.info(
          "tenant {}: config version {} stored; {}",
          tenant,
          version,
          config.settings().dryRunSummary());
    }
    answerStored(exchange, config);
  }

  /**
   * Mimir's 201, empty; with a JSON body listing the warnings when the config has keys Alertstream
   * accepts but does not act on (tracing, route labels, ...), each naming the key and why.
   */
  private static void answerStored(HttpExchange exchange, UserConfig config) throws IOException {
    List<String> warnings =
        config.parsed().warnings().stream()
            .map(w -> w.within("alertmanager_config").toString())
            .toList();
    if (warnings.isEmpty()) {
      JsonResponses.empty(exchange, 201);
      return;
    }
    JsonResponses.json(exchange, 201, Map.of("warnings", warnings));
  }

  /** The Alertstream settings a config was stored with. */
  static TenantSettings settings(TenantConfig config) {
    return new TenantSettings(
        config.getDryRun(),
        new HashSet<>(config.getDryRunIntegrations()),
        new HashSet<>(config.getResolvedAfterSilence()));
  }

  private void delete(HttpExchange exchange, String tenant)
      throws IOException, InterruptedException {
    if (!write(exchange, tenant, null)) {
      return;
    }
    store.await(tenant, 0, APPLY_WAIT);
    JsonResponses.empty(exchange, 200);
  }

  private boolean write(HttpExchange exchange, String tenant, TenantConfig record)
      throws IOException {
    try {
      writer.write(tenant, record);
      return true;
    } catch (Exception e) {
      LOG.error("tenant {}: could not store config", tenant, e);
      JsonResponses.error(
          exchange, 503, "config could not be stored, retry later: " + e.getMessage());
      return false;
    }
  }
}
