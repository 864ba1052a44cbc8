package io.alertstream.topology.api;

import com.sun.net.httpserver.HttpExchange;
import io.alertstream.topology.tenancy.TenantId;
import java.io.IOException;
import java.util.Optional;

/** The tenant a request is for, or an answer saying why there is none. */
final class RequestTenant {

  private RequestTenant() {}

  /** The tenant; when there is none, a 400 has been sent and the result is empty. */
  static Optional<String> resolve(HttpExchange exchange) throws IOException {
    Optional<String> tenant = TenantResolver.tenantOf(exchange.getRequestHeaders());
    if (tenant.isEmpty()) {
      JsonResponses.error(
          exchange,
          400,
          "no tenant: set the X-Scope-OrgID header or use basic auth with the tenant as user name");
      return Optional.empty();
    }
    Optional<String> problem = TenantId.problem(tenant.get());
    if (problem.isPresent()) {
      JsonResponses.error(exchange, 400, problem.get());
      return Optional.empty();
    }
    return tenant;
  }
}
