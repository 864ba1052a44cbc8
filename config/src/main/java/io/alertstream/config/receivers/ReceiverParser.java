package io.alertstream.config.receivers;

import io.alertstream.config.GlobalConfig;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses and validates one receiver, filling in global defaults as Alertmanager does. */
public final class ReceiverParser {

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
    "enable_http2"
  };

  /** Alertmanager's defaults for Slack's templated fields. */
  private static final Map<String, String> SLACK_DEFAULTS =
      Map.ofEntries(
          Map.entry("color", "{{ if eq .Status \"firing\" }}danger{{ else }}good{{ end }}"),
          Map.entry("username", template("slack.default.username")),
          Map.entry("title", template("slack.default.title")),
          Map.entry("title_link", template("slack.default.titlelink")),
          Map.entry("icon_emoji", template("slack.default.iconemoji")),
          Map.entry("icon_url", template("slack.default.iconurl")),
          Map.entry("pretext", template("slack.default.pretext")),
          Map.entry("text", template("slack.default.text")),
          Map.entry("fallback", template("slack.default.fallback")),
          Map.entry("callback_id", template("slack.default.callbackid")),
          Map.entry("footer", template("slack.default.footer")));

  static final IntegrationType<WebhookConfig> WEBHOOK =
      IntegrationType.of(
          "webhook",
          WebhookConfig.class,
          (node, globals) -> new ReceiverParser(globals).webhook(node),
          WebhookConfig::sendResolved);
  static final IntegrationType<EmailConfig> EMAIL =
      IntegrationType.of(
          "email",
          EmailConfig.class,
          (node, globals) -> new ReceiverParser(globals).email(node),
          EmailConfig::sendResolved);
  static final IntegrationType<PagerdutyConfig> PAGERDUTY =
      IntegrationType.of(
          "pagerduty",
          PagerdutyConfig.class,
          (node, globals) -> new ReceiverParser(globals).pagerduty(node),
          PagerdutyConfig::sendResolved);
  static final IntegrationType<SlackConfig> SLACK =
      IntegrationType.of(
          "slack",
          SlackConfig.class,
          (node, globals) -> new ReceiverParser(globals).slack(node),
          SlackConfig::sendResolved);

  private final Globals globals;
  private final GlobalConfig global;

  /**
   * @param globals the {@code global} section, parsed and as written
   */
  public ReceiverParser(Globals globals) {
    this.globals = globals;
    this.global = globals.config();
  }

  public ReceiverConfig parse(YamlNode node) throws InvalidConfigException {
    List<String> allowed = new ArrayList<>(List.of("name"));
    allowed.addAll(IntegrationTypes.ALL.keys());
    for (String key : OtherIntegrations.types()) {
      if (!allowed.contains(key)) {
        allowed.add(key);
      }
    }
    node.allowOnly(allowed.toArray(String[]::new));
    String name = node.string("name", "");
    if (name.isEmpty()) {
      throw node.error("missing name in receiver");
    }
    List<Integration> integrations = new ArrayList<>();
    for (IntegrationType<?> type : IntegrationTypes.ALL.all()) {
      read(name, type, node.get(type.key()).items(), integrations);
    }
    Map<String, Integer> unsupported = new LinkedHashMap<>();
    for (String key : OtherIntegrations.types()) {
      if (IntegrationTypes.ALL.keys().contains(key)) {
        continue;
      }
      List<YamlNode> items = node.get(key).items();
      for (YamlNode item : items) {
        OtherIntegrations.check(key, item, globals.node());
      }
      if (!items.isEmpty()) {
        unsupported.put(key.replace("_configs", ""), items.size());
      }
    }
    return new ReceiverConfig(name, integrations, unsupported);
  }

  private <C> void read(
      String receiver, IntegrationType<C> type, List<YamlNode> items, List<Integration> out)
      throws InvalidConfigException {
    for (int i = 0; i < items.size(); i++) {
      YamlNode item = items.get(i);
      item.requireMap();
      C settings = type.parse(item, globals);
      out.add(Integration.of(receiver, type.type(), i, type.sendResolved(settings), settings));
    }
  }

  private WebhookConfig webhook(YamlNode node) throws InvalidConfigException {
    node.allowOnly("send_resolved", "http_config", "url", "url_file", "max_alerts");
    HttpClientConfig http = globals.httpConfig(node);
    exclusiveWithFile(node, "url");
    String url = node.string("url", "");
    if (url.isEmpty()) {
      throw node.error("missing URL in webhook config");
    }
    int maxAlerts = node.integer("max_alerts", 0);
    if (maxAlerts < 0) {
      throw node.get("max_alerts").error("max_alerts must not be negative");
    }
    return new WebhookConfig(
        url(node.get("url"), url), node.bool("send_resolved", true), maxAlerts, http);
  }

  private SlackConfig slack(YamlNode node) throws InvalidConfigException {
    String[] textFields = {
      "channel",
      "username",
      "color",
      "title",
      "title_link",
      "pretext",
      "text",
      "fallback",
      "icon_emoji",
      "icon_url",
      "footer",
      "callback_id",
      "image_url",
      "thumb_url"
    };
    List<String> allowed = new ArrayList<>(List.of(textFields));
    allowed.addAll(
        List.of(
            "send_resolved",
            "http_config",
            "api_url",
            "api_url_file",
            "link_names",
            "short_fields",
            "mrkdwn_in",
            "fields",
            "actions"));
    node.allowOnly(allowed.toArray(String[]::new));
    HttpClientConfig http = globals.httpConfig(node);
    exclusiveWithFile(node, "api_url");
    for (YamlNode field : node.get("fields").items()) {
      if (field.string("title", "").isEmpty()) {
        throw field.error("missing title in Slack field configuration");
      }
    }
    for (YamlNode action : node.get("actions").items()) {
      if (action.string("type", "").isEmpty()) {
        throw action.error("missing type in Slack action configuration");
      }
      if (action.string("name", "").isEmpty() && action.string("url", "").isEmpty()) {
        throw action.error("missing name or url in Slack action configuration");
      }
    }
    URI apiUrl;
    String inline = node.string("api_url", "");
    if (!inline.isEmpty()) {
      apiUrl = url(node.get("api_url"), inline);
    } else if (global.slackApiUrl() != null) {
      apiUrl = global.slackApiUrl();
    } else {
      throw node.error("no global Slack API URL set either inline or in a file");
    }
    Map<String, String> fields = new LinkedHashMap<>(SLACK_DEFAULTS);
    for (String f : textFields) {
      String v = node.string(f, null);
      if (v != null) {
        fields.put(f, v);
      }
    }
    fields.put("link_names", Boolean.toString(node.bool("link_names", false)));
    fields.put("short_fields", Boolean.toString(node.bool("short_fields", false)));
    return new SlackConfig(
        apiUrl,
        node.bool("send_resolved", false),
        fields,
        slackFields(node.get("fields")),
        slackActions(node.get("actions")),
        node.get("mrkdwn_in").isAbsent()
            ? List.of("fallback", "pretext", "text")
            : node.strings("mrkdwn_in"),
        http);
  }

  private PagerdutyConfig pagerduty(YamlNode node) throws InvalidConfigException {
    String[] textFields = {
      "client", "client_url", "description", "severity", "class", "component", "group", "source"
    };
    List<String> allowed = new ArrayList<>(List.of(textFields));
    allowed.addAll(
        List.of(
            "send_resolved",
            "http_config",
            "routing_key",
            "routing_key_file",
            "service_key",
            "service_key_file",
            "url",
            "details",
            "images",
            "links"));
    node.allowOnly(allowed.toArray(String[]::new));
    HttpClientConfig http = globals.httpConfig(node);
    exclusiveWithFile(node, "routing_key");
    exclusiveWithFile(node, "service_key");
    String routingKey = node.string("routing_key", "");
    String serviceKey = node.string("service_key", "");
    if (routingKey.isEmpty() && serviceKey.isEmpty()) {
      throw node.error("missing service or routing key in PagerDuty config");
    }
    String url = node.string("url", "");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("description", "{{ template \"pagerduty.default.description\" .}}");
    fields.put("client", "{{ template \"pagerduty.default.client\" . }}");
    fields.put("client_url", "{{ template \"pagerduty.default.clientURL\" . }}");
    for (String f : textFields) {
      String v = node.string(f, null);
      if (v != null) {
        fields.put(f, v);
      }
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("firing", "{{ template \"pagerduty.default.instances\" .Alerts.Firing }}");
    details.put("resolved", "{{ template \"pagerduty.default.instances\" .Alerts.Resolved }}");
    details.put("num_firing", "{{ .Alerts.Firing | len }}");
    details.put("num_resolved", "{{ .Alerts.Resolved | len }}");
    details.putAll(node.stringMap("details"));
    return new PagerdutyConfig(
        new Secret(routingKey),
        new Secret(serviceKey),
        url.isEmpty() ? global.pagerdutyUrl() : url(node.get("url"), url),
        node.bool("send_resolved", true),
        fields,
        details,
        pagerdutyLinks(node.get("images"), "src", "alt", "href"),
        pagerdutyLinks(node.get("links"), "href", "text"),
        http);
  }

  private static List<Map<String, String>> pagerdutyLinks(YamlNode list, String... keys)
      throws InvalidConfigException {
    List<Map<String, String>> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      Map<String, String> entry = new LinkedHashMap<>();
      for (String key : keys) {
        entry.put(key, item.string(key, ""));
      }
      out.add(entry);
    }
    return out;
  }

  private static List<SlackConfig.Field> slackFields(YamlNode list) throws InvalidConfigException {
    List<SlackConfig.Field> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      YamlNode shortNode = item.get("short");
      out.add(
          new SlackConfig.Field(
              item.string("title", ""),
              item.string("value", ""),
              shortNode.isAbsent() ? Optional.empty() : Optional.of(item.bool("short", false))));
    }
    return out;
  }

  private static List<SlackConfig.Action> slackActions(YamlNode list)
      throws InvalidConfigException {
    List<SlackConfig.Action> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      out.add(
          new SlackConfig.Action(
              item.string("type", ""),
              item.string("text", ""),
              item.string("url", ""),
              item.string("style", ""),
              item.string("name", ""),
              item.string("value", "")));
    }
    return out;
  }

  private EmailConfig email(YamlNode node) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved",
        "to",
        "from",
        "hello",
        "smarthost",
        "auth_username",
        "auth_password",
        "auth_password_file",
        "auth_secret",
        "auth_identity",
        "headers",
        "html",
        "text",
        "require_tls",
        "tls_config");
    exclusiveWithFile(node, "auth_password");
    String to = node.string("to", "");
    if (to.isEmpty()) {
      throw node.error("missing to address in email config");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : node.stringMap("headers").entrySet()) {
      String canonical = canonicalHeader(h.getKey());
      if (headers.containsKey(canonical)) {
        throw node.get("headers").error("duplicate header \"" + canonical + "\" in email config");
      }
      headers.put(canonical, h.getValue());
    }
    String smarthost =
        node.get("smarthost").isAbsent()
            ? global.smtpSmarthost()
            : smarthost(node.get("smarthost"));
    if (smarthost == null || smarthost.isEmpty()) {
      throw node.error("no global SMTP smarthost set");
    }
    String from = node.string("from", global.smtpFrom());
    if (from == null || from.isEmpty()) {
      throw node.error("no global SMTP from set");
    }
    headers.putIfAbsent("Subject", "{{ template \"email.default.subject\" . }}");
    headers.putIfAbsent("To", to);
    headers.putIfAbsent("From", from);
    return new EmailConfig(
        to,
        from,
        smarthost,
        node.string("hello", global.smtpHello()),
        node.string("auth_username", global.smtpAuthUsername()),
        new Secret(node.string("auth_password", global.smtpAuthPassword().value())),
        new Secret(node.string("auth_secret", global.smtpAuthSecret().value())),
        node.string("auth_identity", global.smtpAuthIdentity()),
        node.bool("require_tls", global.smtpRequireTls()),
        node.bool("send_resolved", false),
        node.string("html", "{{ template \"email.default.html\" . }}"),
        node.string("text", ""),
        headers);
  }

  private static String template(String name) {
    return "{{ template \"" + name + "\" . }}";
  }

  /**
   * Checks an http_config as Alertmanager does and returns the settings the connectors act on;
   * {@code fallback} when the node is absent.
   */
  public static HttpClientConfig httpConfig(YamlNode node, HttpClientConfig fallback)
      throws InvalidConfigException {
    if (node.isAbsent()) {
      return fallback;
    }
    node.allowOnly(HTTP_CONFIG_FIELDS);
    exclusiveWithFile(node, "bearer_token");
    exclusiveWithFile(node.get("basic_auth"), "password");
    exclusiveWithFile(node.get("authorization"), "credentials");
    int schemes = 0;
    for (String field : List.of("basic_auth", "oauth2", "bearer_token", "authorization")) {
      schemes += node.get(field).isAbsent() ? 0 : 1;
    }
    if (schemes > 1) {
      throw node.error(
          "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
    }
    if (!node.get("oauth2").isAbsent()) {
      throw node.get("oauth2").error("oauth2 is not supported by Alertstream's connectors yet");
    }
    Optional<URI> proxyUrl = Optional.empty();
    String proxy = node.string("proxy_url", "");
    if (!proxy.isEmpty()) {
      try {
        URI uri = new URI(proxy);
        if (uri.getScheme() == null) {
          throw node.get("proxy_url").error("proxy URL is missing a protocol scheme");
        }
        proxyUrl = Optional.of(uri);
      } catch (URISyntaxException e) {
        throw node.get("proxy_url")
            .error("proxy URL is missing a protocol scheme or malformed: " + e.getReason());
      }
    }
    YamlNode tls = node.get("tls_config");
    for (String file : List.of("ca_file", "cert_file", "key_file")) {
      if (!tls.get(file).isAbsent()) {
        throw tls.get(file)
            .error("file paths are not allowed in a tenant configuration; set the value inline");
      }
    }
    String minVersion = tls.string("min_version", "");
    if (!minVersion.isEmpty()
        && !List.of("TLS10", "TLS11", "TLS12", "TLS13").contains(minVersion)) {
      throw tls.get("min_version").error("unknown TLS version: " + minVersion);
    }
    String ca = tls.string("ca", "");
    return new HttpClientConfig(
        proxyUrl,
        authorizationHeader(node),
        tls.bool("insecure_skip_verify", false),
        ca.isEmpty() ? Optional.empty() : Optional.of(ca),
        node.bool("follow_redirects", true));
  }

  private static Optional<Secret> authorizationHeader(YamlNode node) throws InvalidConfigException {
    String bearer = node.string("bearer_token", "");
    if (!bearer.isEmpty()) {
      return Optional.of(new Secret("Bearer " + bearer));
    }
    YamlNode authorization = node.get("authorization");
    if (!authorization.isAbsent()) {
      String type = authorization.string("type", "Bearer");
      return Optional.of(new Secret(type + " " + authorization.string("credentials", "")));
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

  /**
   * A setting Alertmanager also takes from a file ({@code <field>_file}): both at once are an
   * error, as in Alertmanager, and the file form alone is refused, as in Mimir, since it would read
   * the server's files.
   */
  public static void exclusiveWithFile(YamlNode node, String field) throws InvalidConfigException {
    YamlNode file = node.get(field + "_file");
    if (file.isAbsent()) {
      return;
    }
    if (!node.get(field).isAbsent()) {
      throw node.error("at most one of " + field + " & " + field + "_file must be configured");
    }
    throw file.error("file paths are not allowed in a tenant configuration; set the value inline");
  }

  /** An SMTP {@code host:port}. */
  public static String smarthost(YamlNode node) throws InvalidConfigException {
    String text = node.text("");
    int colon = text.lastIndexOf(':');
    if (!text.isEmpty() && (colon < 0 || colon == text.length() - 1)) {
      throw node.error("address " + text + ": missing port in address");
    }
    return text;
  }

  /** A URL field; the URL itself is never echoed, as it may hold a token. */
  public static URI url(YamlNode node, String text) throws InvalidConfigException {
    try {
      URI url = new URI(text);
      String scheme = url.getScheme() == null ? "" : url.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw node.error("unsupported scheme \"" + scheme + "\" for URL");
      }
      if (url.getHost() == null || url.getHost().isEmpty()) {
        throw node.error("missing host for URL");
      }
      return url;
    } catch (URISyntaxException e) {
      if (e.getReason().startsWith("Expected authority")) {
        throw node.error("missing host for URL");
      }
      if (!text.contains("://")) {
        throw node.error("unsupported scheme \"\" for URL");
      }
      throw node.error("not a valid URL (" + e.getReason() + ")");
    }
  }

  private static String canonicalHeader(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return out.toString();
  }
}
