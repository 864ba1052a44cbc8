package io.alertstream.connectors.delivery;

import io.alertstream.config.receivers.HttpClientConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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

/** Sends {@link Outbound.HttpPost}s on the JDK's HTTP client, one client per http_config. */
public final class JdkHttpSender {

  private final Duration timeout;
  private final Clock clock;
  private final Map<HttpClientConfig, HttpClient> clients = new ConcurrentHashMap<>();

  public JdkHttpSender(Duration timeout, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
  }

  public AttemptResult post(Outbound.HttpPost post) {
    HttpClient client;
    try {
      client = clients.computeIfAbsent(post.http(), this::client);
    } catch (IllegalArgumentException e) {
      return new AttemptResult.Failed(e.getMessage());
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(post.url())
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
    post.headers().forEach(request::header);
    post.http().authorization().ifPresent(a -> request.header("Authorization", a.value()));
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      return new AttemptResult.Retry(
          "no answer within " + timeout.toMillis() + " ms", Optional.empty());
    } catch (IOException e) {
      // The exception text may hold the URL; keep only its kind.
      return new AttemptResult.Retry(
          "connection failed: " + e.getClass().getSimpleName(), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AttemptResult.Retry("interrupted", Optional.empty());
    }
    String excerpt =
        new String(
            response.body(), 0, Math.min(response.body().length, 512), StandardCharsets.UTF_8);
    AttemptResult outcome =
        HttpOutcomes.classify(
            response.statusCode(), response.headers().firstValue("Retry-After"), excerpt, clock);
    if (outcome instanceof AttemptResult.Delivered) {
      AttemptResult checked = post.answerCheck().check(response.statusCode(), excerpt);
      return checked == null ? outcome : checked;
    }
    return outcome;
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
