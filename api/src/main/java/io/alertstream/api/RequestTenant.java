package io.alertstream.api;

import com.sun.net.httpserver.HttpExchange;
import io.alertstream.api.auth.TenantCredentials;
import io.alertstream.topology.tenancy.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The tenant a request is for, or an answer saying why there is none. Without credentials the
 * tenant is {@code X-Scope-OrgID}, else the basic-auth user name, as in Mimir behind its gateway.
 * With credentials every request must authenticate as a tenant with basic auth, and may only ask
 * for that tenant's data.
 */
final class RequestTenant {

  /** Sent by the web UI's requests. */
  static final String UI_HEADER = "X-Alertstream-UI";

  private static final String REALM = "Basic realm=\"alertstream\", charset=\"UTF-8\"";

  private final Optional<TenantCredentials> credentials;
  private final Forwarder forwarder;

  RequestTenant(Optional<TenantCredentials> credentials, Forwarder forwarder) {
    this.credentials = credentials;
    this.forwarder = forwarder;
  }

  /** True when another instance holds the tenant and has answered the request. */
  boolean forwardIfRemote(HttpExchange exchange, String tenant)
      throws IOException, BadRequestException, InterruptedException {
    return forwarder.forwardIfRemote(exchange, tenant);
  }

  /** The tenant; when there is none, the answer has been sent and the result is empty. */
  Optional<String> resolve(HttpExchange exchange) throws IOException {
    Optional<String> tenant = credentials.isPresent() ? authenticated(exchange) : claimed(exchange);
    if (tenant.isEmpty()) {
      return tenant;
    }
    Optional<String> problem = TenantId.problem(tenant.get());
    if (problem.isPresent()) {
      JsonResponses.error(exchange, 400, problem.get());
      return Optional.empty();
    }
    return tenant;
  }

  private static Optional<String> claimed(HttpExchange exchange) throws IOException {
    Optional<String> tenant = TenantResolver.tenantOf(exchange.getRequestHeaders());
    if (tenant.isEmpty()) {
      JsonResponses.error(
          exchange,
          400,
          "no tenant: set the X-Scope-OrgID header or use basic auth with the tenant as user name");
    }
    return tenant;
  }

  private Optional<String> authenticated(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Optional<String[]> userAndPassword = basic(authorization);
    Optional<String> tenant =
        userAndPassword.flatMap(up -> credentials.get().verify(up[0], up[1].toCharArray()));
    if (tenant.isEmpty()) {
      // The web UI signs in with its own form; a challenge would make the browser ask instead.
      if (exchange.getRequestHeaders().getFirst(UI_HEADER) == null) {
        exchange.getResponseHeaders().set("WWW-Authenticate", REALM);
      }
      JsonResponses.error(
          exchange,
          401,
          userAndPassword.isEmpty()
              ? "authentication required: use basic auth with your tenant id and password"
              : "wrong tenant id or password");
      return Optional.empty();
    }
    String orgId = exchange.getRequestHeaders().getFirst(TenantResolver.ORG_ID_HEADER);
    if (orgId != null && !orgId.isBlank() && !orgId.trim().equals(tenant.get())) {
      JsonResponses.error(
          exchange,
          403,
          "tenant " + tenant.get() + " may not access tenant " + orgId.trim() + "'s data");
      return Optional.empty();
    }
    return tenant;
  }

  private static Optional<String[]> basic(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0
          ? Optional.empty()
          : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
