package io.alertstream.connectors.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.receivers.ClientCertificate;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.TlsConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tls_config's cert and key: presented to a server that requires a client certificate. */
class ClientCertificateTest {

  private static final Path TLS = Path.of("src/test/resources/tls");

  private final WireMockServer server =
      new WireMockServer(
          wireMockConfig()
              .httpDisabled(true)
              .dynamicHttpsPort()
              .keystorePath(TLS.resolve("server.p12").toString())
              .keystoreType("PKCS12")
              .keystorePassword("changeit")
              .keyManagerPassword("changeit")
              .needClientAuth(true)
              .trustStorePath(TLS.resolve("trust.p12").toString())
              .trustStoreType("PKCS12")
              .trustStorePassword("changeit"));

  @BeforeEach
  void start() {
    server.start();
    server.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private AttemptResult send(Optional<ClientCertificate> client) throws Exception {
    TlsConfig tls =
        new TlsConfig(
            false, Optional.of(Files.readString(TLS.resolve("server.crt.pem"))), "", "", client);
    HttpClientConfig http =
        new HttpClientConfig(
            Optional.empty(),
            Optional.empty(),
            tls,
            true,
            false,
            List.of(),
            List.of(),
            Optional.empty());
    return new JdkHttpSender(Duration.ofSeconds(5), Clock.systemUTC())
        .send(
            Outbound.HttpCall.post(
                URI.create("https://localhost:" + server.httpsPort() + "/hook"),
                Map.of(),
                "{}".getBytes(),
                http,
                List.of(),
                Outbound.AnswerCheck.NONE));
  }

  @Test
  void aServerThatRequiresAClientCertificateGetsTheConfiguredOne() throws Exception {
    ClientCertificate client =
        new ClientCertificate(
            Files.readString(TLS.resolve("client.crt.pem")),
            new Secret(Files.readString(TLS.resolve("client.key.pem"))));

    assertThat(send(Optional.of(client))).isEqualTo(new AttemptResult.Delivered(200));
  }

  @Test
  void withoutOneTheServerRefusesTheConnection() throws Exception {
    assertThat(send(Optional.empty())).isInstanceOf(AttemptResult.Retry.class);
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
