package io.alertstream.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook receiver for trying Alertstream out locally: it takes webhook v4 POSTs at {@code
 * /inbox/<name>}, logs one line for each, and lists the latest ones at {@code GET /inbox}. The
 * example tenants' receivers point here.
 */
public final class LocalWebhookInbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("alertstream.inbox");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int KEPT = 200;

  private final HttpServer server;
  private final Deque<ObjectNode> received = new ArrayDeque<>();

  public LocalWebhookInbox(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
    server.createContext("/inbox", this::handle);
    server.start();
  }

  public String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/inbox";
  }

  /** Serves a JSON list at {@code path}, e.g. the dry-run requests. */
  public void addPage(String path, java.util.function.Supplier<List<JsonNode>> entries) {
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            ArrayNode all = JSON.createArrayNode();
            entries.get().forEach(all::add);
            reply(exchange, 200, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
          }
        });
  }

  /** What the inbox received, oldest first. */
  public synchronized List<JsonNode> received() {
    return new ArrayList<>(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if ("GET".equals(exchange.getRequestMethod())) {
        ArrayNode all = JSON.createArrayNode();
        received().forEach(all::add);
        reply(exchange, 200, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, new byte[0]);
        return;
      }
      String name = exchange.getRequestURI().getPath().replaceFirst("^/inbox/?", "");
      JsonNode payload;
      try {
        payload = JSON.readTree(exchange.getRequestBody());
      } catch (IOException e) {
        reply(exchange, 400, ("not JSON: " + e.getMessage()).getBytes());
        return;
      }
      ObjectNode entry = JSON.createObjectNode();
      entry.put("inbox", name);
      entry.put("receivedAt", Instant.now().toString());
      entry.put("idempotencyKey", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      entry.set("payload", payload);
      synchronized (this) {
        received.addLast(entry);
        while (received.size() > KEPT) {
          received.removeFirst();
        }
      }
      LOG.info("inbox {}: {}", name, summary(payload));
      reply(exchange, 200, new byte[0]);
    }
  }

  private static String summary(JsonNode payload) {
    JsonNode alerts = payload.path("alerts");
    List<String> names =
        StreamSupport.stream(alerts.spliterator(), false)
            .map(
                a ->
                    a.path("labels").path("alertname").asText("?")
                        + "["
                        + a.path("fingerprint").asText()
                        + "]")
            .toList();
    return payload.path("status").asText()
        + " for receiver "
        + payload.path("receiver").asText()
        + ", "
        + alerts.size()
        + " alert(s): "
        + String.join(", ", names);
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
