package io.alertstream.config.receivers;

import java.util.Optional;

/**
 * The parts of a {@code tls_config} the connectors act on (HTTP and SMTP alike).
 *
 * @param insecureSkipVerify accept any server certificate
 * @param caPem {@code ca}: PEM certificates to trust instead of the JVM's
 * @param minVersion {@code min_version} ({@code TLS10} ... {@code TLS13}); empty for the default
 * @param maxVersion {@code max_version}; empty for no maximum
 * @param clientCertificate {@code cert} and {@code key}: presented when the server asks for one
 */
public record TlsConfig(
    boolean insecureSkipVerify,
    Optional<String> caPem,
    String minVersion,
    String maxVersion,
    Optional<ClientCertificate> clientCertificate) {

  public static final TlsConfig DEFAULT = new TlsConfig(false, Optional.empty(), "", "");

  /** Without a client certificate. */
  public TlsConfig(
      boolean insecureSkipVerify, Optional<String> caPem, String minVersion, String maxVersion) {
    this(insecureSkipVerify, caPem, minVersion, maxVersion, Optional.empty());
  }

  /** Whether anything differs from the JVM's defaults. */
  public boolean isDefault() {
    return equals(DEFAULT);
  }
}
