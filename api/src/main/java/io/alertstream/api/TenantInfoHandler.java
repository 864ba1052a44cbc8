package io.alertstream.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.alertstream.config.matchers.Matcher;
import io.alertstream.config.routing.Route;
import io.alertstream.config.yaml.Durations;
import io.alertstream.topology.history.NotificationRecord;
import io.alertstream.topology.query.TenantSnapshots;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the web UI shows besides API v2: {@code GET /api/v1/routes}, the tenant's effective routing
 * tree, and {@code GET /api/v1/notifications}, its recent notifications with their delivery
 * outcomes, newest first.
 */
final class TenantInfoHandler extends TenantHandler {

  static final int MAX_NOTIFICATIONS = 100;

  private final TenantSnapshots snapshots;
  private final boolean routes;

  TenantInfoHandler(RequestTenant tenants, TenantSnapshots snapshots, boolean routes) {
    super(tenants);
    this.snapshots = snapshots;
    this.routes = routes;
  }

  @Override
  void handle(HttpExchange exchange, String tenant) throws IOException, BadRequestException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      throw methodNotAllowed(exchange, "GET");
    }
    if (routes) {
      JsonResponses.json(exchange, 200, route(snapshots.config(tenant).route()));
      return;
    }
    List<NotificationRecord> recent = new ArrayList<>(snapshots.state().notifications(tenant));
    recent.sort(Comparator.comparingLong(NotificationRecord::createdAt).reversed());
    ArrayNode out = ApiJson.JSON.createArrayNode();
    for (NotificationRecord n : recent.subList(0, Math.min(MAX_NOTIFICATIONS, recent.size()))) {
      ObjectNode item = ApiJson.JSON.valueToTree(n);
      item.put("createdAt", ApiJson.time(n.createdAt()));
      item.put("outcomeAt", n.outcomeAt() == 0 ? "" : ApiJson.time(n.outcomeAt()));
      out.add(item);
    }
    JsonResponses.json(exchange, 200, out);
  }

  private static ObjectNode route(Route route) {
    ObjectNode out = ApiJson.JSON.createObjectNode();
    out.put("receiver", route.receiver());
    ArrayNode matchers = out.putArray("matchers");
    for (Matcher m : route.matchers().list()) {
      matchers.add(m.toString());
    }
    ArrayNode groupBy = out.putArray("groupBy");
    route.options().groupBy().forEach(groupBy::add);
    out.put("groupByAll", route.options().groupByAll());
    out.put("continue", route.continueMatching());
    out.put("groupWait", Durations.format(route.options().groupWait()));
    out.put("groupInterval", Durations.format(route.options().groupInterval()));
    out.put("repeatInterval", Durations.format(route.options().repeatInterval()));
    ArrayNode children = out.putArray("routes");
    route.children().forEach(child -> children.add(route(child)));
    return out;
  }
}
