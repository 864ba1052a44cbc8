package io.alertstream.api.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.alertstream.config.tenant.ConfigMasker;
import io.alertstream.schemas.TenantConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, "text/plain; charset=utf-8", "only GET is allowed\n");
        return;
      }
      if (authenticationOn) {
        send(
            exchange,
            403,
            "text/plain; charset=utf-8",
            "not served while tenant authentication is on (auth.file): it would show every"
                + " tenant's config to any tenant\n");
        return;
      }
      Map<String, TenantConfig> all;
      try {
        all = configs.get();
      } catch (KafkaException e) {
        send(
            exchange,
            503,
            "text/plain; charset=utf-8",
            "the configs could not be read from Kafka (" + e.getMessage() + "); retry\n");
        return;
      }
      send(exchange, 200, "application/yaml", yaml(all));
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

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
