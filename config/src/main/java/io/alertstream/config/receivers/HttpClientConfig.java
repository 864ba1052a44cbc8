package io.alertstream.config.receivers;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an {@code http_config} the connectors act on, plus the integration's own {@code
 * timeout}. The receiver's own http_config replaces the global one as a whole, as in Alertmanager.
 *
 * @param proxyUrl an HTTP proxy to send through
 * @param authorization the whole {@code Authorization} header value (a secret)
 * @param tls {@code tls_config}
 * @param followRedirects {@code follow_redirects}, true unless turned off
 * @param enableHttp2 {@code enable_http2}, true unless turned off
 * @param noProxy {@code no_proxy}: hosts (and their subdomains), IPs or {@code *} reached without
 *     the proxy
 * @param headers {@code http_headers}: added to every request
 * @param timeout the integration's {@code timeout} (webhook, Slack, PagerDuty): a call is given up
 *     after it, or after the connector's own timeout when that is shorter; empty for none
 */
public record HttpClientConfig(
    Optional<URI> proxyUrl,
    Optional<Secret> authorization,
    TlsConfig tls,
    boolean followRedirects,
    boolean enableHttp2,
    List<String> noProxy,
    List<Header> headers,
    Optional<Duration> timeout) {

  public static final HttpClientConfig DEFAULT =
      new HttpClientConfig(
          Optional.empty(),
          Optional.empty(),
          TlsConfig.DEFAULT,
          true,
          true,
          List.of(),
          List.of(),
          Optional.empty());

  /** One value of an {@code http_headers} entry; a value from {@code secrets} is a secret. */
  public record Header(String name, String value, boolean secret) {
    @Override
    public String toString() {
      return name + ": " + (secret ? Secret.MASK : value);
    }
  }

  public HttpClientConfig {
    noProxy = List.copyOf(noProxy);
    headers = List.copyOf(headers);
  }

  /** {@code tls_config.insecure_skip_verify}. */
  public boolean insecureSkipVerify() {
    return tls.insecureSkipVerify();
  }

  /** {@code tls_config.ca}. */
  public Optional<String> caPem() {
    return tls.caPem();
  }

  /** These settings with the integration's timeout; a zero or negative one imposes none. */
  public HttpClientConfig withTimeout(Duration integrationTimeout) {
    Optional<Duration> t =
        integrationTimeout.isZero() || integrationTimeout.isNegative()
            ? Optional.empty()
            : Optional.of(integrationTimeout);
    return new HttpClientConfig(
        proxyUrl, authorization, tls, followRedirects, enableHttp2, noProxy, headers, t);
  }

  /** These settings with another Authorization header value (a Slack app token's). */
  public HttpClientConfig withAuthorization(Secret value) {
    return new HttpClientConfig(
        proxyUrl, Optional.of(value), tls, followRedirects, enableHttp2, noProxy, headers, timeout);
  }

  /** The secrets these settings add to a request: the Authorization value and secret headers. */
  public List<Secret> secrets() {
    List<Secret> out = new java.util.ArrayList<>();
    authorization.ifPresent(out::add);
    headers.stream().filter(Header::secret).forEach(h -> out.add(new Secret(h.value())));
    return out;
  }

  @Override
  public String toString() {
    return "HttpClientConfig[proxy="
        + proxyUrl.map(p -> p.getScheme() + "://" + p.getHost()).orElse("none")
        + ", authorization="
        + authorization.map(a -> Secret.MASK).orElse("none")
        + ", insecureSkipVerify="
        + tls.insecureSkipVerify()
        + ", headers="
        + headers
        + ", timeout="
        + timeout.map(Duration::toString).orElse("none")
        + "]";
  }
}
