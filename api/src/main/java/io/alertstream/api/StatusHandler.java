package io.alertstream.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.alertstream.config.tenant.ConfigMasker;
import io.alertstream.topology.query.TenantSnapshots;
import java.io.IOException;
import java.time.Instant;

/**
 * {@code GET /api/v2/status} (the tenant's config with secrets masked, version, uptime) and {@code
 * GET /api/v2/receivers} (the names of the tenant's receivers).
 */
final class StatusHandler extends TenantHandler {

  private final TenantSnapshots snapshots;
  private final boolean receivers;
  private final Instant startedAt;

  StatusHandler(
      RequestTenant tenants, TenantSnapshots snapshots, boolean receivers, Instant startedAt) {
    super(tenants);
    this.snapshots = snapshots;
    this.receivers = receivers;
    this.startedAt = startedAt;
  }

  @Override
  void handle(HttpExchange exchange, String tenant) throws IOException, BadRequestException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      throw methodNotAllowed(exchange, "GET");
    }
    if (receivers) {
      ArrayNode out = ApiJson.JSON.createArrayNode();
      snapshots
          .config(tenant)
          .receivers()
          .keySet()
          .forEach(name -> out.addObject().put("name", name));
      JsonResponses.json(exchange, 200, out);
      return;
    }
    ObjectNode out = ApiJson.JSON.createObjectNode();
    ObjectNode cluster = out.putObject("cluster");
    cluster.put("name", "alertstream");
    cluster.putArray("peers");
    cluster.put("status", "ready");
    String original =
        snapshots
            .storedConfig(tenant)
            .map(c -> ConfigMasker.mask(c.getAlertmanagerConfig()))
            .orElse("");
    out.putObject("config").put("original", original);
    out.put("uptime", startedAt.toString());
    ObjectNode version = out.putObject("versionInfo");
    version.put("branch", BuildInfo.BRANCH);
    version.put("buildDate", "");
    version.put("buildUser", "");
    version.put("goVersion", BuildInfo.RUNTIME);
    version.put("revision", BuildInfo.REVISION);
    version.put("version", BuildInfo.COMPATIBLE_VERSION);
    JsonResponses.json(exchange, 200, out);
  }
}
