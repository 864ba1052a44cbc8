package io.alertstream.config.receivers;

import java.net.URI;
import java.util.Optional;

/**
 * The parts of an {@code http_config} the connectors act on. The receiver's own http_config
 * replaces the global one as a whole, as in Alertmanager.
 *
 * @param proxyUrl an HTTP proxy to send through
 * @param authorization the whole {@code Authorization} header value (a secret)
 * @param insecureSkipVerify {@code tls_config.insecure_skip_verify}
 * @param caPem {@code tls_config.ca}: PEM certificates to trust instead of the JVM's
 * @param followRedirects {@code follow_redirects}, true unless turned off
 */
public record HttpClientConfig(
    Optional<URI> proxyUrl,
    Optional<Secret> authorization,
    boolean insecureSkipVerify,
    Optional<String> caPem,
    boolean followRedirects) {

  public static final HttpClientConfig DEFAULT =
      new HttpClientConfig(Optional.empty(), Optional.empty(), false, Optional.empty(), true);

  @Override
  public String toString() {
    return "HttpClientConfig[proxy="
        + proxyUrl.map(p -> p.getScheme() + "://" + p.getHost()).orElse("none")
        + ", authorization="
        + authorization.map(a -> Secret.MASK).orElse("none")
        + ", insecureSkipVerify="
        + insecureSkipVerify
        + "]";
  }
}
