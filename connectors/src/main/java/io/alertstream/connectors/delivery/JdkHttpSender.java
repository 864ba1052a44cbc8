package io.alertstream.connectors.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** {@link HttpSender} on the JDK's HTTP client. */
public final class JdkHttpSender implements HttpSender {

  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;

  public JdkHttpSender(Duration timeout, Clock clock) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public DeliveryOutcome post(URI url, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      return new DeliveryOutcome.Retry(
          "no answer within " + timeout.toMillis() + " ms", java.util.Optional.empty());
    } catch (IOException e) {
      // The exception text may hold the URL; keep only its kind.
      return new DeliveryOutcome.Retry(
          "connection failed: " + e.getClass().getSimpleName(), java.util.Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryOutcome.Retry("interrupted", java.util.Optional.empty());
    }
    String excerpt =
        new String(
            response.body(), 0, Math.min(response.body().length, 512), StandardCharsets.UTF_8);
    return HttpOutcomes.classify(
        response.statusCode(), response.headers().firstValue("Retry-After"), excerpt, clock);
  }
}
