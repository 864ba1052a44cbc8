package io.alertstream.topology.tenancy;

import java.util.Optional;

/**
 * Tenant ids as Mimir accepts them: 1 to 150 characters of [a-zA-Z0-9!-_.*'()], not "." or "..".
 */
public final class TenantId {

  public static final int MAX_LENGTH = 150;

  private TenantId() {}

  /** Why the id is not acceptable, or empty when it is. */
  public static Optional<String> problem(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.of("no tenant id");
    }
    if (id.length() > MAX_LENGTH) {
      return Optional.of("tenant id is longer than " + MAX_LENGTH + " characters");
    }
    if (id.equals(".") || id.equals("..")) {
      return Optional.of("tenant id must not be \".\" or \"..\"");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!-_.*'()".indexOf(c) >= 0;
      if (!ok) {
        return Optional.of("tenant id contains an unsupported character '" + c + "'");
      }
    }
    return Optional.empty();
  }
}
