package io.alertstream.config.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.ConfigWarnings;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.yaml.YamlNode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** prometheus/common's http_config and tls_config keys, as a tenant config may use them. */
class HttpConfigParserTest {

  private final ConfigWarnings warnings = new ConfigWarnings();

  private HttpClientConfig parse(String yaml) throws InvalidConfigException {
    return HttpConfigParser.parse(
        YamlNode.parse(yaml).get("http_config"), HttpClientConfig.DEFAULT, warnings);
  }

  private String refusal(String yaml) {
    try {
      parse(yaml);
    } catch (InvalidConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + yaml);
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    HttpClientConfig http = parse("http_config: {}\n");

    assertThat(http.followRedirects()).isTrue();
    assertThat(http.enableHttp2()).isTrue();
    assertThat(http.tls()).isEqualTo(TlsConfig.DEFAULT);
    assertThat(http.headers()).isEmpty();
    assertThat(http.timeout()).isEmpty();
    assertThat(parse("other: {}\n")).isSameAs(HttpClientConfig.DEFAULT);
  }

  @Test
  void httpHeadersAreKeptAndTheirSecretsHidden() throws Exception {
    HttpClientConfig http =
        parse(
            "http_config:\n  http_headers:\n"
                + "    X-Team: {values: [a, b]}\n    X-Api-Key: {secrets: [k3y]}\n");

    assertThat(http.headers())
        .containsExactly(
            new HttpClientConfig.Header("X-Team", "a", false),
            new HttpClientConfig.Header("X-Team", "b", false),
            new HttpClientConfig.Header("X-Api-Key", "k3y", true));
    assertThat(http.toString()).contains("X-Team: a").doesNotContain("k3y");
    assertThat(http.secrets()).extracting(Secret::value).containsExactly("k3y");
  }

  @Test
  void httpHeadersMayNotSetReservedHeadersNorReadFiles() {
    assertThat(refusal("http_config:\n  http_headers:\n    authorization: {values: [x]}\n"))
        .isEqualTo(
            "http_config.http_headers.authorization (line 3): setting header \"Authorization\""
                + " is not allowed");
    assertThat(refusal("http_config:\n  http_headers:\n    X-A: {files: [/etc/x]}\n"))
        .startsWith("http_config.http_headers.X-A.files (line 3): file paths are not allowed");
  }

  @Test
  void enableHttp2AndFollowRedirectsCanBeTurnedOff() throws Exception {
    HttpClientConfig http = parse("http_config: {enable_http2: false, follow_redirects: false}\n");

    assertThat(http.enableHttp2()).isFalse();
    assertThat(http.followRedirects()).isFalse();
  }

  @Test
  void noProxyListsHostsAndNeedsAProxy() throws Exception {
    HttpClientConfig http =
        parse(
            "http_config: {proxy_url: 'http://p:3128', no_proxy: 'Internal.example, 10.0.0.1'}\n");

    assertThat(http.proxyUrl()).contains(URI.create("http://p:3128"));
    assertThat(http.noProxy()).containsExactly("internal.example", "10.0.0.1");
    assertThat(refusal("http_config: {no_proxy: internal}\n"))
        .isEqualTo(
            "http_config.no_proxy (line 1): if no_proxy is configured, proxy_url must also be"
                + " configured");
  }

  @Test
  void proxyFromEnvironmentAndConnectHeadersAreWarnedAbout() throws Exception {
    parse("http_config: {proxy_from_environment: true}\n");
    parse("http_config: {proxy_url: 'http://p:1', proxy_connect_header: {X-A: [b]}}\n");

    assertThat(warnings.list())
        .extracting(w -> w.field())
        .containsExactly("http_config.proxy_from_environment", "http_config.proxy_connect_header");
    assertThat(refusal("http_config: {proxy_from_environment: true, proxy_url: 'http://p:1'}\n"))
        .endsWith("if proxy_from_environment is configured, proxy_url must not be configured");
    assertThat(refusal("http_config: {proxy_connect_header: {X-A: [b]}}\n"))
        .endsWith(
            "if proxy_connect_header is configured, proxy_url or proxy_from_environment must also"
                + " be configured");
  }

  @Test
  void authorizationIsCheckedAsPrometheusChecksIt() throws Exception {
    assertThat(parse("http_config: {authorization: {credentials: t}}\n").authorization())
        .hasValueSatisfying(a -> assertThat(a.value()).isEqualTo("Bearer t"));
    assertThat(refusal("http_config: {authorization: {type: Basic, credentials: t}}\n"))
        .isEqualTo(
            "http_config.authorization.type (line 1): authorization type cannot be set to"
                + " \"basic\", use \"basic_auth\" instead");
    assertThat(refusal("http_config: {authorization: {credentials: t}, bearer_token: b}\n"))
        .endsWith("authorization is not compatible with bearer_token & bearer_token_file");
    assertThat(
            refusal("http_config: {authorization: {credentials: t}, basic_auth: {username: u}}\n"))
        .endsWith("at most one of basic_auth, oauth2 & authorization must be configured");
    assertThat(refusal("http_config: {basic_auth: {username: u, password_ref: vault}}\n"))
        .startsWith("http_config.basic_auth.password_ref (line 1): secret references are not");
    assertThat(refusal("http_config: {oauth2: {client_id: a, token_url: 'http://t'}}\n"))
        .startsWith("http_config.oauth2 (line 1): oauth2 is not supported");
  }

  @Test
  void tlsVersionsAndCaAreKept() throws Exception {
    HttpClientConfig http =
        parse("http_config:\n  tls_config: {ca: PEM, min_version: TLS12, max_version: TLS13}\n");

    assertThat(http.tls())
        .isEqualTo(new TlsConfig(false, java.util.Optional.of("PEM"), "TLS12", "TLS13"));
    assertThat(http.caPem()).contains("PEM");
    assertThat(warnings.list()).isEmpty();
  }

  @Test
  void tlsConfigIsRefusedAsPrometheusRefusesIt() {
    assertThat(refusal("http_config: {tls_config: {min_version: TLS13, max_version: TLS12}}\n"))
        .endsWith(
            "tls_config.max_version must be greater than or equal to tls_config.min_version if"
                + " both are specified");
    assertThat(refusal("http_config: {tls_config: {min_version: SSL3}}\n"))
        .isEqualTo("http_config.tls_config.min_version (line 1): unknown TLS version: SSL3");
    assertThat(refusal("http_config: {tls_config: {cert: C}}\n"))
        .endsWith(
            "exactly one of key or key_file must be configured when a client certificate is"
                + " configured");
    assertThat(refusal("http_config: {tls_config: {key: K}}\n"))
        .endsWith(
            "exactly one of cert or cert_file must be configured when a client key is configured");
    assertThat(refusal("http_config: {tls_config: {ca: A, ca_ref: r}}\n"))
        .endsWith("at most one of ca, ca_file & ca_ref must be configured");
    for (String pair : List.of("ca_file: /x", "cert_file: /x, key: K", "cert: C, key_file: /x")) {
      String key =
          pair.contains("ca_file")
              ? "ca_file"
              : pair.contains("cert_file") ? "cert_file" : "key_file";
      assertThat(refusal("http_config: {tls_config: {" + pair + "}}\n"))
          .startsWith("http_config.tls_config." + key + " (line 1): file paths are not allowed");
    }
  }

  @Test
  void aClientCertificateIsReadAndABadOneRefusedWithoutQuotingTheKey() throws Exception {
    String cert =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("src/test/resources/tls/client.crt.pem"));
    for (String keyFile : List.of("client.key.pem", "client.rsa.pem")) {
      String key =
          java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/tls", keyFile));
      TlsConfig tls =
          HttpConfigParser.tls(
              YamlNode.parse(
                      "tls_config:\n  cert: |\n" + cert.indent(4) + "  key: |\n" + key.indent(4))
                  .get("tls_config"),
              warnings);
      ClientCertificate client = tls.clientCertificate().orElseThrow();
      assertThat(client.chain()).hasSize(1);
      assertThat(client.privateKey().getAlgorithm()).isEqualTo("RSA");
      assertThat(tls.toString()).doesNotContain("PRIVATE KEY");
    }
    assertThat(refusal("http_config: {tls_config: {cert: C, key: K-s3cret}}\n"))
        .contains("tls_config.cert is not a PEM certificate")
        .doesNotContain("s3cret");
    assertThat(
            refusal(
                "http_config:\n  tls_config:\n    cert: |\n"
                    + cert.indent(6)
                    + "    key: 'K-s3cret'\n"))
        .contains("tls_config.key must be a PEM PKCS#8 key")
        .doesNotContain("s3cret");
    assertThat(warnings.list()).isEmpty();
  }

  @Test
  void serverNameIsWarnedAbout() throws Exception {
    parse("http_config: {tls_config: {server_name: other.example}}\n");

    assertThat(warnings.list())
        .extracting(w -> w.field())
        .containsExactly("http_config.tls_config.server_name");
  }

  @Test
  void anIntegrationTimeoutOnlyCountsWhenPositive() {
    assertThat(HttpClientConfig.DEFAULT.withTimeout(java.time.Duration.ofSeconds(3)).timeout())
        .contains(java.time.Duration.ofSeconds(3));
    assertThat(HttpClientConfig.DEFAULT.withTimeout(java.time.Duration.ZERO).timeout()).isEmpty();
  }
}
