package io.alertstream.api.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.alertstream.config.tenant.ConfigMasker;
import io.alertstream.schemas.TenantConfig;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.KafkaException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Mimir's {@code GET /multitenant_alertmanager/configs}: every tenant's config as YAML, {@code
 * <tenant>: {template_files: {...}, alertmanager_config: ...}}, secrets masked as the config API
 * masks them. It is an operator's endpoint: with tenant authentication on, no tenant may read the
 * others' configs through it, so it answers 403.
 */
public final class AllConfigsHandler implements HttpHandler {

  private final Supplier<Map<String, TenantConfig>> configs;
  private final boolean authenticationOn;

  public AllConfigsHandler(Supplier<Map<String, TenantConfig>> configs, boolean authenticationOn) {
    this.configs = configs;
    this.authenticationOn = authenticationOn;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!OpsAnswers.allowOnly(exchange, Set.of("GET"), "only GET is allowed")) {
        return;
      }
      if (authenticationOn) {
        OpsAnswers.send(
            exchange,
            403,
            OpsAnswers.TEXT,
            "not served while tenant authentication is on (auth.file): it would show every"
                + " tenant's config to any tenant\n");
        return;
      }
      Map<String, TenantConfig> all;
      try {
        all = configs.get();
      } catch (KafkaException e) {
        OpsAnswers.send(
            exchange,
            503,
            OpsAnswers.TEXT,
            "the configs could not be read from Kafka (" + e.getMessage() + "); retry\n");
        return;
      }
      OpsAnswers.send(exchange, 200, "application/yaml", yaml(all));
    }
  }

  static String yaml(Map<String, TenantConfig> all) {
    Map<String, Object> out = new LinkedHashMap<>();
    all.forEach(
        (tenant, config) -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("template_files", new LinkedHashMap<>(config.getTemplateFiles()));
          entry.put("alertmanager_config", ConfigMasker.mask(config.getAlertmanagerConfig()));
          out.put(tenant, entry);
        });
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return out.isEmpty() ? "{}\n" : new Yaml(options).dump(out);
  }
}
