package io.alertstream.api.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-tenant credentials for the authenticated mode: a file of {@code tenant: <hash>} lines, hashes
 * from {@code ./alertstream hash-password}; {@code #} starts a comment.
 */
public final class TenantCredentials {

  private final Map<String, String> hashes;

  private TenantCredentials(Map<String, String> hashes) {
    this.hashes = Map.copyOf(hashes);
  }

  public static TenantCredentials load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Map<String, String> hashes = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String tenant = colon < 0 ? "" : line.substring(0, colon).strip();
      String hash = colon < 0 ? "" : line.substring(colon + 1).strip();
      if (tenant.isEmpty() || !PasswordHash.wellFormed(hash)) {
        throw new IOException(
            file
                + " line "
                + (i + 1)
                + ": expected 'tenant: <hash from ./alertstream hash-password>'");
      }
      hashes.put(tenant, hash);
    }
    return new TenantCredentials(hashes);
  }

  /** For tests: credentials from tenant → hash. */
  public static TenantCredentials of(Map<String, String> hashes) {
    return new TenantCredentials(hashes);
  }

  /** The tenant, if the user is a tenant and the password is its own. */
  public Optional<String> verify(String user, char[] password) {
    String hash = hashes.get(user);
    if (hash == null || !PasswordHash.verify(password, hash)) {
      return Optional.empty();
    }
    return Optional.of(user);
  }
}
