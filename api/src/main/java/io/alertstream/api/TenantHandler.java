package io.alertstream.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * A handler for one tenant's data: finds (and with credentials, authenticates) the tenant, sends
 * the request on to the instance that holds the tenant if that is another one, else answers; bad
 * input becomes a 4xx naming the problem.
 */
abstract class TenantHandler implements HttpHandler {

  private final RequestTenant tenants;

  TenantHandler(RequestTenant tenants) {
    this.tenants = tenants;
  }

  @Override
  public final void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        Optional<String> tenant = tenants.resolve(exchange);
        if (tenant.isEmpty()) {
          return;
        }
        if (needsOwner(exchange, tenant.get()) && tenants.forwardIfRemote(exchange, tenant.get())) {
          return;
        }
        handle(exchange, tenant.get());
      } catch (BadRequestException e) {
        JsonResponses.error(exchange, e.status(), e.getMessage());
      } catch (InvalidStateStoreException e) {
        JsonResponses.error(exchange, 503, "state is being restored or rebalanced; retry shortly");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Whether answering needs the tenant's state, held by its owner; a handler that only writes to
   * Kafka answers on any instance, also while the owner is moving.
   */
  boolean needsOwner(HttpExchange exchange, String tenant) {
    return true;
  }

  abstract void handle(HttpExchange exchange, String tenant)
      throws IOException, BadRequestException, InterruptedException;

  static BadRequestException methodNotAllowed(HttpExchange exchange, String allowed) {
    exchange.getResponseHeaders().set("Allow", allowed);
    return new BadRequestException(
        405, "method " + exchange.getRequestMethod() + " not allowed; use " + allowed);
  }
}
