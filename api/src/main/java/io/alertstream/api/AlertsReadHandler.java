package io.alertstream.api;

import com.sun.net.httpserver.HttpExchange;
import io.alertstream.topology.query.AlertView;
import io.alertstream.topology.query.AlertViews;
import io.alertstream.topology.query.TenantSnapshots;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /api/v2/alerts} and {@code GET /api/v2/alerts/groups}, with Alertmanager's filters.
 */
final class AlertsReadHandler extends TenantHandler {

  private final TenantSnapshots snapshots;
  private final boolean groups;

  AlertsReadHandler(RequestTenant tenants, TenantSnapshots snapshots, boolean groups) {
    super(tenants);
    this.snapshots = snapshots;
    this.groups = groups;
  }

  @Override
  void handle(HttpExchange exchange, String tenant) throws IOException, BadRequestException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      throw methodNotAllowed(exchange, groups ? "GET" : "GET, POST");
    }
    AlertFilter filter = AlertFilter.of(new QueryParams(exchange.getRequestURI()));
    AlertViews views = snapshots.alertViews(tenant);
    List<AlertView> selected = views.alerts().stream().filter(filter::accepts).toList();
    JsonResponses.json(
        exchange, 200, groups ? ApiJson.groups(views.groups(selected)) : ApiJson.alerts(selected));
  }
}
