package io.alertstream.config.receivers;

import java.util.Optional;

/**
 * The parts of a {@code tls_config} the connectors act on (HTTP and SMTP alike).
 *
 * @param insecureSkipVerify accept any server certificate
 * @param caPem {@code ca}: PEM certificates to trust instead of the JVM's
 * @param minVersion {@code min_version} ({@code TLS10} ... {@code TLS13}); empty for the default
 * @param maxVersion {@code max_version}; empty for no maximum
 */
public record TlsConfig(
    boolean insecureSkipVerify, Optional<String> caPem, String minVersion, String maxVersion) {

  public static final TlsConfig DEFAULT = new TlsConfig(false, Optional.empty(), "", "");

  /** Whether anything differs from the JVM's defaults. */
  public boolean isDefault() {
    return equals(DEFAULT);
  }
}
