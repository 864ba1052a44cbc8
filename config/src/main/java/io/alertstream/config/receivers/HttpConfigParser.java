package io.alertstream.config.receivers;

import io.alertstream.config.ConfigWarnings;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an {@code http_config} and a {@code tls_config} with prometheus/common's keys and checks.
 * Settings that read the server's files or a secret manager ({@code *_file}, {@code *_ref}) are
 * refused; settings the connectors cannot act on are accepted with a warning.
 */
public final class HttpConfigParser {

  private static final String[] HTTP_CONFIG_FIELDS = {
    "basic_auth",
    "authorization",
    "oauth2",
    "bearer_token",
    "bearer_token_file",
    "proxy_url",
    "no_proxy",
    "proxy_from_environment",
    "proxy_connect_header",
    "tls_config",
    "follow_redirects",
    "enable_http2",
    "http_headers"
  };

  private static final String[] TLS_CONFIG_FIELDS = {
    "ca",
    "cert",
    "key",
    "ca_file",
    "cert_file",
    "key_file",
    "ca_ref",
    "cert_ref",
    "key_ref",
    "server_name",
    "insecure_skip_verify",
    "min_version",
    "max_version"
  };

  private static final List<String> TLS_VERSIONS = List.of("TLS10", "TLS11", "TLS12", "TLS13");

  /** prometheus/common's reserved headers: http_headers may not set them. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "Authorization",
          "Host",
          "Content-Encoding",
          "Content-Length",
          "Content-Type",
          "User-Agent",
          "Connection",
          "Keep-Alive",
          "Proxy-Authenticate",
          "Proxy-Authorization",
          "Www-Authenticate",
          "Accept-Encoding",
          "X-Prometheus-Remote-Write-Version",
          "X-Prometheus-Remote-Read-Version",
          "X-Prometheus-Scrape-Timeout-Seconds",
          "X-Amz-Date",
          "X-Amz-Security-Token",
          "X-Amz-Content-Sha256");

  static final String NO_FILES =
      "file paths are not allowed in a tenant configuration; set the value inline";
  static final String NO_REFS =
      "secret references are not supported (Alertmanager has no secret manager); set the value"
          + " inline";

  private HttpConfigParser() {}

  /** An http_config; {@code fallback} when the node is absent. */
  public static HttpClientConfig parse(
      YamlNode node, HttpClientConfig fallback, ConfigWarnings warnings)
      throws InvalidConfigException {
    if (node.isAbsent()) {
      return fallback;
    }
    node.allowOnly(HTTP_CONFIG_FIELDS);
    ReceiverParser.exclusiveWithFile(node, "bearer_token");
    boolean bearer = !node.get("bearer_token").isAbsent();
    boolean basic = !node.get("basic_auth").isAbsent();
    boolean oauth2 = !node.get("oauth2").isAbsent();
    boolean authorization = !node.get("authorization").isAbsent();
    if ((basic || oauth2) && bearer) {
      throw node.error(
          "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
    }
    if (basic) {
      basicAuth(node.get("basic_auth"));
    }
    if (authorization) {
      authorization(node.get("authorization"), bearer, basic || oauth2);
    }
    if (oauth2) {
      throw node.get("oauth2")
          .error(
              "oauth2 is not supported by Alertstream's connectors yet; use authorization with a"
                  + " token instead");
    }
    Optional<URI> proxyUrl = proxy(node, warnings);
    boolean http2 = node.bool("enable_http2", true);
    return new HttpClientConfig(
        proxyUrl,
        authorizationHeader(node),
        tls(node.get("tls_config"), warnings),
        node.bool("follow_redirects", true),
        http2,
        noProxy(node.string("no_proxy", "")),
        headers(node.get("http_headers")),
        Optional.empty());
  }

  private static void basicAuth(YamlNode basic) throws InvalidConfigException {
    basic.allowOnly(
        "username", "username_file", "username_ref", "password", "password_file", "password_ref");
    refuseRef(basic, "username_ref");
    refuseRef(basic, "password_ref");
    if (!basic.get("username").isAbsent() && !basic.get("username_file").isAbsent()) {
      throw basic.error(
          "at most one of basic_auth username, username_file & username_ref must be configured");
    }
    if (!basic.get("password").isAbsent() && !basic.get("password_file").isAbsent()) {
      throw basic.error(
          "at most one of basic_auth password, password_file & password_ref must be configured");
    }
    for (String file : List.of("username_file", "password_file")) {
      if (!basic.get(file).isAbsent()) {
        throw basic.get(file).error(NO_FILES);
      }
    }
  }

  private static void authorization(YamlNode auth, boolean bearer, boolean otherScheme)
      throws InvalidConfigException {
    auth.allowOnly("type", "credentials", "credentials_file", "credentials_ref");
    if (bearer) {
      throw auth.error("authorization is not compatible with bearer_token & bearer_token_file");
    }
    refuseRef(auth, "credentials_ref");
    if (!auth.get("credentials").isAbsent() && !auth.get("credentials_file").isAbsent()) {
      throw auth.error(
          "at most one of authorization credentials & credentials_file must be configured");
    }
    if (!auth.get("credentials_file").isAbsent()) {
      throw auth.get("credentials_file").error(NO_FILES);
    }
    if (auth.string("type", "").trim().toLowerCase(Locale.ROOT).equals("basic")) {
      throw auth.get("type")
          .error("authorization type cannot be set to \"basic\", use \"basic_auth\" instead");
    }
    if (otherScheme) {
      throw auth.error("at most one of basic_auth, oauth2 & authorization must be configured");
    }
  }

  private static Optional<URI> proxy(YamlNode node, ConfigWarnings warnings)
      throws InvalidConfigException {
    boolean fromEnvironment = node.bool("proxy_from_environment", false);
    String proxy = node.string("proxy_url", "");
    boolean connectHeader = !node.get("proxy_connect_header").isAbsent();
    if (connectHeader && proxy.isEmpty() && !fromEnvironment) {
      throw node.get("proxy_connect_header")
          .error(
              "if proxy_connect_header is configured, proxy_url or proxy_from_environment must"
                  + " also be configured");
    }
    if (fromEnvironment && !proxy.isEmpty()) {
      throw node.get("proxy_from_environment")
          .error("if proxy_from_environment is configured, proxy_url must not be configured");
    }
    if (fromEnvironment && !node.string("no_proxy", "").isEmpty()) {
      throw node.get("proxy_from_environment")
          .error("if proxy_from_environment is configured, no_proxy must not be configured");
    }
    if (!node.string("no_proxy", "").isEmpty() && proxy.isEmpty()) {
      throw node.get("no_proxy")
          .error("if no_proxy is configured, proxy_url must also be configured");
    }
    if (fromEnvironment) {
      warnings.add(
          node.get("proxy_from_environment")
              .warning(
                  "ignored: a tenant's notifications do not use the server's proxy environment"
                      + " variables; set proxy_url to send through a proxy"));
    }
    if (connectHeader) {
      node.get("proxy_connect_header").requireMap();
      warnings.add(
          node.get("proxy_connect_header")
              .warning(
                  "ignored: the connectors' HTTP client cannot add headers to the proxy's CONNECT"
                      + " request"));
    }
    if (proxy.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(proxy);
      if (uri.getScheme() == null) {
        throw node.get("proxy_url").error("proxy URL is missing a protocol scheme");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw node.get("proxy_url")
          .error("proxy URL is missing a protocol scheme or malformed: " + e.getReason());
    }
  }

  private static List<String> noProxy(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static List<HttpClientConfig.Header> headers(YamlNode node)
      throws InvalidConfigException {
    List<HttpClientConfig.Header> out = new ArrayList<>();
    node.requireMap();
    for (String name : node.keys()) {
      YamlNode header = node.get(name);
      String canonical = canonical(name);
      if (RESERVED_HEADERS.contains(canonical)) {
        throw header.error("setting header \"" + canonical + "\" is not allowed");
      }
      header.allowOnly("values", "secrets", "files");
      if (!header.strings("files").isEmpty()) {
        throw header.get("files").error(NO_FILES);
      }
      for (String value : header.strings("values")) {
        out.add(new HttpClientConfig.Header(name, value, false));
      }
      for (String value : header.strings("secrets")) {
        out.add(new HttpClientConfig.Header(name, value, true));
      }
    }
    return out;
  }

  /** A tls_config (of an http_config, an email config or the global smtp_tls_config). */
  public static TlsConfig tls(YamlNode tls, ConfigWarnings warnings) throws InvalidConfigException {
    if (tls.isAbsent()) {
      return TlsConfig.DEFAULT;
    }
    tls.allowOnly(TLS_CONFIG_FIELDS);
    for (String kind : List.of("ca", "cert")) {
      int set = 0;
      for (String key : List.of(kind, kind + "_file", kind + "_ref")) {
        set += tls.get(key).isAbsent() ? 0 : 1;
      }
      if (set > 1) {
        throw tls.error(
            "at most one of " + kind + ", " + kind + "_file & " + kind + "_ref must be configured");
      }
    }
    if (!tls.get("key").isAbsent() && !tls.get("key_file").isAbsent()) {
      throw tls.error("at most one of key and key_file must be configured");
    }
    boolean cert = !tls.get("cert").isAbsent() || !tls.get("cert_file").isAbsent();
    boolean key = !tls.get("key").isAbsent() || !tls.get("key_file").isAbsent();
    if (cert && !key) {
      throw tls.error(
          "exactly one of key or key_file must be configured when a client certificate is"
              + " configured");
    }
    if (key && !cert) {
      throw tls.error(
          "exactly one of cert or cert_file must be configured when a client key is configured");
    }
    for (String file : List.of("ca_file", "cert_file", "key_file")) {
      if (!tls.get(file).isAbsent()) {
        throw tls.get(file).error(NO_FILES);
      }
    }
    for (String ref : List.of("ca_ref", "cert_ref", "key_ref")) {
      refuseRef(tls, ref);
    }
    String min = version(tls, "min_version");
    String max = version(tls, "max_version");
    if (!min.isEmpty() && !max.isEmpty() && TLS_VERSIONS.indexOf(max) < TLS_VERSIONS.indexOf(min)) {
      throw tls.get("max_version")
          .error(
              "tls_config.max_version must be greater than or equal to tls_config.min_version if"
                  + " both are specified");
    }
    Optional<ClientCertificate> client = Optional.empty();
    if (cert) {
      ClientCertificate certificate =
          new ClientCertificate(tls.string("cert", ""), new Secret(tls.string("key", "")));
      try {
        certificate.chain();
      } catch (java.security.GeneralSecurityException e) {
        throw tls.get("cert").error("tls_config.cert is not a PEM certificate");
      }
      try {
        certificate.privateKey();
      } catch (java.security.GeneralSecurityException e) {
        throw tls.get("key")
            .error(
                e.getMessage().startsWith("tls_config.key")
                    ? e.getMessage()
                    : "tls_config.key is not a usable private key");
      }
      client = Optional.of(certificate);
    }
    if (!tls.string("server_name", "").isEmpty()) {
      warnings.add(
          tls.get("server_name")
              .warning(
                  "ignored: the server's certificate is checked against the host of the URL or"
                      + " smarthost"));
    }
    String ca = tls.string("ca", "");
    return new TlsConfig(
        tls.bool("insecure_skip_verify", false),
        ca.isEmpty() ? Optional.empty() : Optional.of(ca),
        min,
        max,
        client);
  }

  private static String version(YamlNode tls, String key) throws InvalidConfigException {
    String version = tls.string(key, "");
    if (!version.isEmpty() && !TLS_VERSIONS.contains(version)) {
      throw tls.get(key).error("unknown TLS version: " + version);
    }
    return version;
  }

  private static void refuseRef(YamlNode node, String key) throws InvalidConfigException {
    if (!node.get(key).isAbsent()) {
      throw node.get(key).error(NO_REFS);
    }
  }

  private static Optional<Secret> authorizationHeader(YamlNode node) throws InvalidConfigException {
    String bearer = node.string("bearer_token", "");
    if (!bearer.isEmpty()) {
      return Optional.of(new Secret("Bearer " + bearer));
    }
    YamlNode authorization = node.get("authorization");
    if (!authorization.isAbsent()) {
      String type = authorization.string("type", "").trim();
      return Optional.of(
          new Secret(
              (type.isEmpty() ? "Bearer" : type) + " " + authorization.string("credentials", "")));
    }
    YamlNode basic = node.get("basic_auth");
    if (!basic.isAbsent()) {
      String pair = basic.string("username", "") + ":" + basic.string("password", "");
      return Optional.of(
          new Secret(
              "Basic "
                  + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
    }
    return Optional.empty();
  }

  private static String canonical(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return out.toString();
  }
}
