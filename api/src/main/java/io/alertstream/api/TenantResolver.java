package io.alertstream.api;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Finds the tenant of a request: the {@code X-Scope-OrgID} header (Mimir's convention), else the
 * user name of HTTP basic auth (the only way a Prometheus 2.x ruler can name one).
 */
public final class TenantResolver {

  public static final String ORG_ID_HEADER = "X-Scope-OrgID";

  private TenantResolver() {}

  public static Optional<String> tenantOf(Headers headers) {
    String orgId = headers.getFirst(ORG_ID_HEADER);
    if (orgId != null && !orgId.isBlank()) {
      return Optional.of(orgId.trim());
    }
    return basicAuthUser(headers.getFirst("Authorization"));
  }

  static Optional<String> basicAuthUser(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    String user = colon < 0 ? decoded : decoded.substring(0, colon);
    return user.isEmpty() ? Optional.empty() : Optional.of(user);
  }
}
