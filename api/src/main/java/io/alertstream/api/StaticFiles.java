package io.alertstream.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The web UI's files, from the class path under {@code /ui/}. They hold no tenant data, so they are
 * served without a tenant; the page asks for one and calls the API with it. {@code /} leads to the
 * UI.
 */
final class StaticFiles implements HttpHandler {

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8");

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        JsonResponses.error(
            exchange, 405, "method " + exchange.getRequestMethod() + " not allowed; use GET");
        return;
      }
      if (path.equals("/") || path.equals("/ui")) {
        exchange.getResponseHeaders().set("Location", "/ui/");
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      if (!path.startsWith("/ui/")) {
        JsonResponses.error(exchange, 404, "no such path: " + path);
        return;
      }
      String name = path.substring("/ui/".length());
      if (name.isEmpty()) {
        name = "index.html";
      }
      String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
      InputStream file =
          name.contains("/") || type == null
              ? null
              : StaticFiles.class.getResourceAsStream("/ui/" + name);
      if (file == null) {
        JsonResponses.error(exchange, 404, "no such page: " + path);
        return;
      }
      byte[] body;
      try (file) {
        body = file.readAllBytes();
      }
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
