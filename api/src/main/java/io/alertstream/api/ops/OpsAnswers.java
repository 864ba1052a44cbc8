package io.alertstream.api.ops;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Answers of the operators' endpoints (plain text, HTML, YAML, JSON), not the tenants' API. */
final class OpsAnswers {

  static final String TEXT = "text/plain; charset=utf-8";

  private OpsAnswers() {}

  static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Answers 405 with {@code refusal} unless the request's method is one of {@code allowed}.
   *
   * @return whether the request may go on
   */
  static boolean allowOnly(HttpExchange exchange, Set<String> allowed, String refusal)
      throws IOException {
    if (allowed.contains(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
    send(exchange, 405, TEXT, refusal + "\n");
    return false;
  }
}
