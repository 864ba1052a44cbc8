package io.alertstream.connectors.delivery;

import io.alertstream.config.receivers.HttpClientConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Sends {@link Outbound.HttpCall}s on the JDK's HTTP client, one client per http_config. */
public final class JdkHttpSender {

  /**
   * The most of an answer's body read: enough for any API's JSON answer, bounded for a hostile one.
   */
  static final int MAX_ANSWER_BYTES = 256 * 1024;

  private static final int EXCERPT_CHARS = 512;

  private final Duration timeout;
  private final Clock clock;
  private final Map<HttpClientConfig, HttpClient> clients = new ConcurrentHashMap<>();

  public JdkHttpSender(Duration timeout, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Sends one call: the outcome of this attempt. */
  public AttemptResult send(Outbound.HttpCall call) {
    try {
      return outcome(call, answer(call));
    } catch (Outbound.NoAnswer e) {
      return e.result();
    }
  }

  /** Sends one call and reads at most {@link #MAX_ANSWER_BYTES} of the answer. */
  public Outbound.Answer answer(Outbound.HttpCall call) throws Outbound.NoAnswer {
    HttpClient client;
    try {
      client = clients.computeIfAbsent(call.http(), this::client);
    } catch (IllegalArgumentException e) {
      throw new Outbound.NoAnswer(new AttemptResult.Failed(e.getMessage()));
    }
    HttpRequest.BodyPublisher body =
        call.body().length == 0 && "GET".equals(call.method())
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(call.url()).timeout(timeout).method(call.method(), body);
    call.headers().forEach(request::header);
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
              "no answer within " + timeout.toMillis() + " ms", Optional.empty()));
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
            .followRedirects(
                http.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
    http.proxyUrl()
        .ifPresent(
            proxy ->
                builder.proxy(
                    ProxySelector.of(
                        new InetSocketAddress(
                            proxy.getHost(),
                            proxy.getPort() > 0
                                ? proxy.getPort()
                                : "https".equals(proxy.getScheme()) ? 443 : 80))));
    if (http.insecureSkipVerify() || http.caPem().isPresent()) {
      builder.sslContext(sslContext(http));
    }
    return builder.build();
  }

  private static SSLContext sslContext(HttpClientConfig http) {
    try {
      TrustManager[] trust;
      if (http.insecureSkipVerify()) {
        trust = new TrustManager[] {new TrustAll()};
      } else {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate c :
            CertificateFactory.getInstance("X.509")
                .generateCertificates(
                    new ByteArrayInputStream(
                        http.caPem().get().getBytes(StandardCharsets.UTF_8)))) {
          store.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        trust = factory.getTrustManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "tls_config.ca could not be read as PEM certificates: " + e.getClass().getSimpleName());
    }
  }

  /** tls_config.insecure_skip_verify: accepts any server certificate. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
