package io.alertstream.api.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Mimir's {@code GET /multitenant_alertmanager/status}: an HTML page on this instance (JSON with
 * {@code Accept: application/json} or {@code ?format=json}). It names no tenant: it is served
 * without authentication, as Mimir serves it.
 */
public final class InstanceStatusHandler implements HttpHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<InstanceStatus> status;

  public InstanceStatusHandler(Supplier<InstanceStatus> status) {
    this.status = status;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!OpsAnswers.allowOnly(exchange, Set.of("GET"), "only GET is allowed")) {
        return;
      }
      InstanceStatus s = status.get();
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      String query = exchange.getRequestURI().getRawQuery();
      if ((accept != null && accept.contains("application/json"))
          || (query != null && query.contains("format=json"))) {
        OpsAnswers.send(exchange, 200, "application/json", JSON.writeValueAsString(json(s)));
      } else {
        OpsAnswers.send(exchange, 200, "text/html; charset=utf-8", html(s));
      }
    }
  }

  static ObjectNode json(InstanceStatus s) {
    ObjectNode out = JSON.createObjectNode();
    out.put("instance", s.instance());
    out.put("streamsState", s.streamsState());
    s.activePartitions().forEach(out.putArray("activePartitions")::add);
    s.standbyPartitions().forEach(out.putArray("standbyPartitions")::add);
    out.put("tenantsWithConfig", s.tenantsWithConfig());
    out.put("uptimeSeconds", s.uptime().toSeconds());
    return out;
  }

  static String html(InstanceStatus s) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Alertstream instance"
        + " status</title></head><body><h1>Alertstream instance status</h1>"
        + "<p>Tenants are spread over instances by the partitions of their topics (a Kafka"
        + " consumer group), not by a ring.</p><table>"
        + row("Instance", s.instance())
        + row("Kafka Streams", s.streamsState())
        + row("Active partitions", partitions(s.activePartitions()))
        + row("Standby partitions", partitions(s.standbyPartitions()))
        + row("Tenants with a config here", Long.toString(s.tenantsWithConfig()))
        + row("Up for", s.uptime().toSeconds() + " s")
        + "</table></body></html>\n";
  }

  private static String partitions(List<Integer> partitions) {
    return partitions.isEmpty() ? "none" : partitions.toString();
  }

  private static String row(String name, String value) {
    return "<tr><th align=\"left\">" + escape(name) + "</th><td>" + escape(value) + "</td></tr>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
