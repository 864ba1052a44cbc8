package io.alertstream.connectors.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.TlsConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The http_config settings and integration timeout the HTTP sender acts on. */
class JdkHttpSenderSettingsTest {

  private final WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
  private final JdkHttpSender sender = new JdkHttpSender(Duration.ofSeconds(5), Clock.systemUTC());

  @BeforeEach
  void start() {
    peer.start();
  }

  @AfterEach
  void stop() {
    peer.stop();
  }

  private Outbound.HttpCall call(HttpClientConfig http) {
    return Outbound.HttpCall.post(
        URI.create(peer.baseUrl() + "/hook"),
        Outbound.HttpCall.jsonHeaders(Map.of()),
        "{}".getBytes(StandardCharsets.UTF_8),
        http,
        http.secrets(),
        (status, body) -> null);
  }

  private static HttpClientConfig with(
      List<HttpClientConfig.Header> headers, boolean http2, Optional<Duration> timeout) {
    return new HttpClientConfig(
        Optional.empty(),
        Optional.empty(),
        TlsConfig.DEFAULT,
        true,
        http2,
        List.of(),
        headers,
        timeout);
  }

  @Test
  void httpHeadersAreAddedToTheRequest() {
    peer.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
    HttpClientConfig http =
        with(
            List.of(
                new HttpClientConfig.Header("X-Team", "db", false),
                new HttpClientConfig.Header("X-Api-Key", "k3y", true)),
            true,
            Optional.empty());

    AttemptResult outcome = sender.send(call(http));

    assertThat(outcome).isInstanceOf(AttemptResult.Delivered.class);
    peer.verify(
        postRequestedFor(urlPathEqualTo("/hook"))
            .withHeader("X-Team", equalTo("db"))
            .withHeader("X-Api-Key", equalTo("k3y")));
    assertThat(call(http).maskedBody()).doesNotContain("k3y");
  }

  @Test
  void theIntegrationTimeoutCutsASlowAnswerShort() {
    peer.stubFor(
        post(urlPathEqualTo("/hook"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

    AttemptResult outcome =
        sender.send(call(with(List.of(), false, Optional.of(Duration.ofMillis(300)))));

    assertThat(outcome)
        .isEqualTo(new AttemptResult.Retry("no answer within 300 ms", Optional.empty()));
  }

  @Test
  void aLongerIntegrationTimeoutDoesNotExtendTheConnectors() {
    peer.stubFor(
        post(urlPathEqualTo("/hook"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(1_500)));
    JdkHttpSender quick = new JdkHttpSender(Duration.ofMillis(400), Clock.systemUTC());

    AttemptResult outcome =
        quick.send(call(with(List.of(), true, Optional.of(Duration.ofSeconds(30)))));

    assertThat(outcome)
        .isEqualTo(new AttemptResult.Retry("no answer within 400 ms", Optional.empty()));
  }

  @Test
  void withHttp2OffTheRequestIsHttp11() {
    peer.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));

    assertThat(sender.send(call(with(List.of(), false, Optional.empty()))))
        .isInstanceOf(AttemptResult.Delivered.class);
    assertThat(peer.getAllServeEvents().get(0).getRequest().getHeader("Upgrade")).isNull();
  }

  @Test
  void noProxyEntriesMatchAsGoMatchesThem() {
    assertThat(NoProxySelector.matches("*", "any.example", 443)).isTrue();
    assertThat(NoProxySelector.matches("example.com", "example.com", 443)).isTrue();
    assertThat(NoProxySelector.matches("example.com", "api.example.com", 443)).isTrue();
    assertThat(NoProxySelector.matches("example.com", "badexample.com", 443)).isFalse();
    assertThat(NoProxySelector.matches(".example.com", "example.com", 443)).isFalse();
    assertThat(NoProxySelector.matches(".example.com", "a.example.com", 443)).isTrue();
    assertThat(NoProxySelector.matches("internal:8080", "internal", 8080)).isTrue();
    assertThat(NoProxySelector.matches("internal:8080", "internal", 443)).isFalse();
    assertThat(NoProxySelector.matches("10.0.0.0/8", "10.1.2.3", 80)).isTrue();
    assertThat(NoProxySelector.matches("10.0.0.0/8", "11.1.2.3", 80)).isFalse();
  }

  @Test
  void tlsVersionsBecomeJavaProtocols() {
    assertThat(TlsContexts.protocols(TlsConfig.DEFAULT)).isEmpty();
    assertThat(TlsContexts.protocols(new TlsConfig(false, Optional.empty(), "TLS13", "")))
        .containsExactly("TLSv1.3");
    assertThat(TlsContexts.protocols(new TlsConfig(false, Optional.empty(), "", "TLS12")))
        .containsExactly("TLSv1.2");
    assertThat(TlsContexts.protocols(new TlsConfig(false, Optional.empty(), "TLS11", "TLS12")))
        .containsExactly("TLSv1.1", "TLSv1.2");
  }
}
