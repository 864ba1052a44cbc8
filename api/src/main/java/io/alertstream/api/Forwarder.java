package io.alertstream.api;

import com.sun.net.httpserver.HttpExchange;
import io.alertstream.topology.query.TenantLocator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a request for a tenant whose state another instance holds to that instance, and relays its
 * answer. A forwarded request carries a header so that it is never forwarded again.
 */
final class Forwarder {

  static final String FORWARDED_HEADER = "X-Alertstream-Forwarded";
  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "host", "transfer-encoding", "expect", "upgrade");

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Forwarder.class);

  private final TenantLocator locator;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Forwarder(TenantLocator locator) {
    this.locator = locator;
  }

  /** True when the request was answered by the tenant's owner. */
  boolean forwardIfRemote(HttpExchange exchange, String tenant)
      throws IOException, BadRequestException, InterruptedException {
    if (exchange.getRequestHeaders().containsKey(FORWARDED_HEADER)) {
      return false;
    }
    Optional<URI> owner = locator.remoteOwner(tenant);
    if (owner.isEmpty()) {
      return false;
    }
    URI target = owner.get().resolve(exchange.getRequestURI().toString());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(30))
            .method(
                exchange.getRequestMethod(),
                HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
    for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
      if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
        h.getValue().forEach(v -> request.header(h.getKey(), v));
      }
    }
    request.header(FORWARDED_HEADER, "1");
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      LOG.warn(
          "forwarding a request for tenant {} to {} failed: {}", tenant, owner.get(), e.toString());
      throw new BadRequestException(
          503, "the instance holding tenant " + tenant + " did not answer; retry shortly");
    }
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))
                  && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
              }
            });
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    return true;
  }
}
