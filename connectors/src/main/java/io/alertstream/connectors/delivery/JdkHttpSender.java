package io.alertstream.connectors.delivery;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLParameters;

/** Sends {@link Outbound.HttpCall}s on the JDK's HTTP client, one client per http_config. */
public final class JdkHttpSender {

  /**
   * The most of an answer's body read: enough for any API's JSON answer, bounded for a hostile one.
   */
  static final int MAX_ANSWER_BYTES = 256 * 1024;

  private static final int EXCERPT_CHARS = 512;

  private final Duration timeout;
  private final Clock clock;

  /**
   * One client per connection shape (proxy, TLS, redirects, HTTP version, no_proxy); what varies
   * per request (authorization, headers, timeout) is not part of the key, so a signature or a
   * rendered key per request does not make a client per request.
   */
  private final Map<ClientShape, HttpClient> clients = new ConcurrentHashMap<>();

  /** The settings of an http_config that shape its client. */
  private record ClientShape(
      Optional<URI> proxyUrl,
      TlsConfig tls,
      boolean followRedirects,
      boolean enableHttp2,
      List<String> noProxy) {

    static ClientShape of(HttpClientConfig http) {
      return new ClientShape(
          http.proxyUrl(), http.tls(), http.followRedirects(), http.enableHttp2(), http.noProxy());
    }
  }

  public JdkHttpSender(Duration timeout, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Sends one call: the outcome of this attempt. */
  public AttemptResult send(Outbound.HttpCall call) {
    try {
      return FailureReasons.sanitized(outcome(call, answer(call)), List.of(call));
    } catch (Outbound.NoAnswer e) {
      return e.result();
    }
  }

  /** Sends one call and reads at most {@link #MAX_ANSWER_BYTES} of the answer. */
  public Outbound.Answer answer(Outbound.HttpCall call) throws Outbound.NoAnswer {
    HttpClient client;
    try {
      client = clients.computeIfAbsent(ClientShape.of(call.http()), shape -> client(call.http()));
    } catch (IllegalArgumentException e) {
      throw new Outbound.NoAnswer(new AttemptResult.Failed(e.getMessage()));
    }
    HttpRequest.BodyPublisher body =
        call.body().length == 0 && "GET".equals(call.method())
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body());
    // The integration's own timeout counts when it is the shorter one.
    Duration callTimeout =
        call.http().timeout().filter(t -> t.compareTo(timeout) < 0).orElse(timeout);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(call.url()).timeout(callTimeout).method(call.method(), body);
    call.headers().forEach(request::header);
    call.http().headers().forEach(h -> request.header(h.name(), h.value()));
    call.http().authorization().ifPresent(a -> request.header("Authorization", a.value()));
    try {
      HttpResponse<InputStream> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] read;
      try (InputStream in = response.body()) {
        read = in.readNBytes(MAX_ANSWER_BYTES);
      }
      return new Outbound.Answer(
          response.statusCode(),
          response.headers().firstValue("Retry-After"),
          new String(read, StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new Outbound.NoAnswer(
          new AttemptResult.Retry(
              "no answer within " + callTimeout.toMillis() + " ms", Optional.empty()));
    } catch (IOException e) {
      // The exception text may hold the URL; keep only its kind.
      throw new Outbound.NoAnswer(
          new AttemptResult.Retry(
              "connection failed: " + e.getClass().getSimpleName(), Optional.empty()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Outbound.NoAnswer(new AttemptResult.Retry("interrupted", Optional.empty()));
    }
  }

  /** What an answer means for a call: its answer check first, then the default classification. */
  public AttemptResult outcome(Outbound.HttpCall call, Outbound.Answer answer) {
    String excerpt =
        answer.body().length() > EXCERPT_CHARS
            ? answer.body().substring(0, EXCERPT_CHARS)
            : answer.body();
    AttemptResult checked = call.answerCheck().check(answer.status(), answer.body());
    if (checked != null) {
      return checked;
    }
    return HttpOutcomes.classify(answer.status(), answer.retryAfter(), excerpt, clock);
  }

  private HttpClient client(HttpClientConfig http) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(http.enableHttp2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .followRedirects(
                http.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
    http.proxyUrl()
        .ifPresent(
            proxy -> {
              InetSocketAddress address =
                  new InetSocketAddress(
                      proxy.getHost(),
                      proxy.getPort() > 0
                          ? proxy.getPort()
                          : "https".equals(proxy.getScheme()) ? 443 : 80);
              builder.proxy(
                  http.noProxy().isEmpty()
                      ? ProxySelector.of(address)
                      : new NoProxySelector(address, http.noProxy()));
            });
    if (TlsContexts.needsOwnContext(http.tls())) {
      builder.sslContext(TlsContexts.context(http.tls()));
    }
    List<String> protocols = TlsContexts.protocols(http.tls());
    if (!protocols.isEmpty()) {
      SSLParameters parameters = new SSLParameters();
      parameters.setProtocols(protocols.toArray(String[]::new));
      builder.sslParameters(parameters);
    }
    return builder.build();
  }
}
