package io.alertstream.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.query.TenantSnapshots;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /api/v1/settings}: the tenant's Alertstream settings (the config API's {@code
 * alertstream:} section) as JSON, for the web UI: whether it runs a config of its own, and which of
 * its integrations are in dry run, with a sentence saying what that means. No secrets: only
 * integration type names.
 */
final class TenantSettingsHandler extends TenantHandler {

  private final TenantSnapshots snapshots;

  TenantSettingsHandler(RequestTenant tenants, TenantSnapshots snapshots) {
    super(tenants);
    this.snapshots = snapshots;
  }

  @Override
  void handle(HttpExchange exchange, String tenant) throws IOException, BadRequestException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      throw methodNotAllowed(exchange, "GET");
    }
    Optional<TenantConfig> stored = snapshots.storedConfig(tenant);
    TenantSettings settings = stored.map(ConfigApiHandler::settings).orElse(TenantSettings.DEFAULT);
    ObjectNode out = ApiJson.JSON.createObjectNode();
    out.put("ownConfig", stored.isPresent());
    out.put("dryRunAll", settings.dryRunAll());
    ArrayNode types = out.putArray("dryRun");
    settings.dryRunTypes().forEach(types::add);
    out.put("summary", settings.dryRunSummary());
    JsonResponses.json(exchange, 200, out);
  }
}
