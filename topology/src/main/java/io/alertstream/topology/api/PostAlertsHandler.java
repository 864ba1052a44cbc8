package io.alertstream.topology.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/v2/alerts}: validates a tenant's alerts and hands the valid ones on. */
final class PostAlertsHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PostAlertsHandler.class);
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final AlertSink sink;
  private final Clock clock;
  private final PostableAlertParser parser = new PostableAlertParser();

  PostAlertsHandler(AlertSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        JsonResponses.error(
            exchange, 405, "method " + exchange.getRequestMethod() + " not allowed; use POST");
        return;
      }
      Optional<String> tenant = RequestTenant.resolve(exchange);
      if (tenant.isEmpty()) {
        return;
      }
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        JsonResponses.error(exchange, 413, "body is larger than " + MAX_BODY_BYTES + " bytes");
        return;
      }
      PostableAlertParser.Result result;
      try {
        result = parser.parse(body, clock.instant());
      } catch (PostableAlertParser.MalformedBodyException e) {
        JsonResponses.error(exchange, 400, e.getMessage());
        return;
      }
      if (!result.alerts().isEmpty()) {
        try {
          sink.submit(tenant.get(), result.alerts());
        } catch (Exception e) {
          LOG.error(
              "tenant {}: could not store {} alerts", tenant.get(), result.alerts().size(), e);
          JsonResponses.error(
              exchange, 503, "alerts could not be stored, retry later: " + e.getMessage());
          return;
        }
      }
      if (!result.problems().isEmpty()) {
        JsonResponses.error(exchange, 400, String.join("; ", result.problems()));
        return;
      }
      JsonResponses.empty(exchange, 200);
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }
}
