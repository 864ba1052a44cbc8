package io.alertstream.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/** One path served by a handler per method; other methods get a 405 naming the allowed ones. */
final class MethodSwitch implements HttpHandler {

  private final Map<String, HttpHandler> byMethod;

  MethodSwitch(Map<String, HttpHandler> byMethod) {
    this.byMethod = Map.copyOf(byMethod);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    HttpHandler handler = byMethod.get(exchange.getRequestMethod());
    if (handler != null) {
      handler.handle(exchange);
      return;
    }
    try (exchange) {
      String allowed = String.join(", ", new java.util.TreeSet<>(byMethod.keySet()));
      exchange.getResponseHeaders().set("Allow", allowed);
      JsonResponses.error(
          exchange, 405, "method " + exchange.getRequestMethod() + " not allowed; use " + allowed);
    }
  }
}
