package io.alertstream.config.receivers;

import io.alertstream.config.ConfigWarnings;
import io.alertstream.config.GlobalConfig;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.yaml.GoDurations;
import io.alertstream.config.yaml.YamlNode;
import io.alertstream.config.yaml.YamlValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses and validates one receiver, filling in global defaults as Alertmanager does. */
public final class ReceiverParser {

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

  private static final String SLACK_POST_MESSAGE = "https://slack.com/api/chat.postMessage";

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
    List<String> allowed = new ArrayList<>(List.of("name", "labels"));
    allowed.addAll(IntegrationTypes.ALL.keys());
    node.allowOnly(allowed.toArray(String[]::new));
    String name = node.string("name", "");
    if (name.isEmpty()) {
      throw node.error("missing name in receiver");
    }
    receiverLabels(node, name);
    List<Integration> integrations = new ArrayList<>();
    for (IntegrationType<?> type : IntegrationTypes.ALL.all()) {
      read(name, type, node.get(type.key()).items(), integrations);
    }
    return new ReceiverConfig(name, integrations);
  }

  /** Receiver labels, checked as Alertmanager checks them; Alertstream's API does not show them. */
  private void receiverLabels(YamlNode receiver, String name) throws InvalidConfigException {
    YamlNode labels = receiver.get("labels");
    Map<String, String> values = receiver.stringMap("labels");
    String named = values.get("name");
    if (named != null && !named.equals(name)) {
      throw labels
          .get("name")
          .error(
              "receiver label \"name\" must match receiver name \""
                  + name
                  + "\", got \""
                  + named
                  + "\"");
    }
    if (values.keySet().stream().anyMatch(k -> !k.equals("name"))) {
      globals.warn(
          labels,
          "ignored: Alertstream's API does not list or filter receivers by their labels yet");
    }
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
    node.allowOnly(
        "send_resolved", "http_config", "url", "url_file", "max_alerts", "timeout", "payload");
    HttpClientConfig http = globals.httpConfig(node);
    String url = node.string("url", "");
    if (url.isEmpty() && node.get("url_file").isAbsent()) {
      throw node.error("one of url or url_file must be configured");
    }
    exclusiveWithFile(node, "url");
    if (!url.contains("{{")) {
      url(node.get("url"), url);
    }
    int maxAlerts = node.integer("max_alerts", 0);
    if (maxAlerts < 0) {
      throw node.get("max_alerts").error("cannot unmarshal !!int `" + maxAlerts + "` into uint64");
    }
    YamlNode payload = node.get("payload");
    return new WebhookConfig(
        url,
        node.bool("send_resolved", true),
        maxAlerts,
        withTimeout(node, http),
        payload.isAbsent() ? Optional.empty() : Optional.ofNullable(YamlValues.of(payload)));
  }

  /** The entry's {@code timeout} (a Go duration), honoured by the HTTP sender. */
  private static HttpClientConfig withTimeout(YamlNode node, HttpClientConfig http)
      throws InvalidConfigException {
    YamlNode timeout = node.get("timeout");
    return timeout.isAbsent() ? http : http.withTimeout(GoDurations.parse(timeout));
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
      "message_text",
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
            "app_token",
            "app_token_file",
            "app_url",
            "link_names",
            "short_fields",
            "mrkdwn_in",
            "fields",
            "actions",
            "update_message",
            "timeout"));
    node.allowOnly(allowed.toArray(String[]::new));
    exclusiveWithFile(node, "api_url");
    exclusiveWithFile(node, "app_token");
    String inlineUrl = node.string("api_url", "");
    String inlineToken = node.string("app_token", "");
    if (!inlineUrl.isEmpty() && !inlineToken.isEmpty()) {
      throw node.error(
          "at most one of api_url/api_url_file & app_token/app_token_file must be configured");
    }
    boolean updateMessage = node.bool("update_message", false);
    if (updateMessage && !inlineUrl.equals(SLACK_POST_MESSAGE)) {
      throw node.get("update_message")
          .error(
              "update_message can only be used with bot tokens. api_url must be set to "
                  + SLACK_POST_MESSAGE);
    }
    for (YamlNode field : node.get("fields").items()) {
      field.allowOnly("title", "value", "short");
      if (field.string("title", "").isEmpty()) {
        throw field.error("missing title in Slack field configuration");
      }
      if (field.string("value", "").isEmpty()) {
        throw field.error("missing value in Slack field configuration");
      }
    }
    for (YamlNode action : node.get("actions").items()) {
      action.allowOnly("type", "text", "url", "style", "name", "value", "confirm");
      if (action.string("type", "").isEmpty()) {
        throw action.error("missing type in Slack action configuration");
      }
      if (action.string("text", "").isEmpty()) {
        throw action.error("missing text in Slack action configuration");
      }
      if (action.string("name", "").isEmpty() && action.string("url", "").isEmpty()) {
        throw action.error("missing name or url in Slack action configuration");
      }
      YamlNode confirm = action.get("confirm");
      if (!confirm.isAbsent()) {
        confirm.allowOnly("text", "title", "ok_text", "dismiss_text");
        if (confirm.string("text", "").isEmpty()) {
          throw confirm.error("missing text in Slack confirmation configuration");
        }
        if (action.string("url", "").isEmpty()) {
          globals.warn(
              confirm, "ignored: Alertstream does not send confirmation dialogs with actions yet");
        }
      }
    }
    HttpClientConfig http = withTimeout(node, globals.httpConfig(node));
    URI appUrl =
        node.string("app_url", "").isEmpty()
            ? global.slackAppUrl()
            : url(node.get("app_url"), node.string("app_url", ""));
    Secret appToken = new Secret(inlineToken);
    boolean localAuthorization =
        !node.get("http_config").get("authorization").isAbsent()
            || !node.get("http_config").get("bearer_token").isAbsent();
    if (appToken.isEmpty() && !localAuthorization && inlineUrl.isEmpty()) {
      appToken = global.slackAppToken();
    }
    URI apiUrl = inlineUrl.isEmpty() ? global.slackApiUrl() : url(node.get("api_url"), inlineUrl);
    if (apiUrl == null && appToken.isEmpty()) {
      throw node.error("no Slack API URL nor App token set either inline or in a file");
    }
    if (!appToken.isEmpty()) {
      if (http.authorization().isPresent()) {
        throw node.error("http authorization can't be set when using Slack App tokens");
      }
      http = http.withAuthorization(new Secret("Bearer " + appToken.value()));
      apiUrl = appUrl;
    }
    if (updateMessage) {
      globals.warn(
          node.get("update_message"),
          "ignored: every notification posts a new message; Alertstream does not keep the ids of"
              + " earlier messages to update them");
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
            "links",
            "timeout"));
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
    YamlNode detailsNode = node.get("details").requireMap();
    for (String key : detailsNode.keys()) {
      YamlNode value = detailsNode.get(key);
      if (value.isMap() || value.isList()) {
        throw value.error(
            "details values other than text are not supported by Alertstream yet; write the"
                + " value as a template string");
      }
      details.put(key, value.text(""));
    }
    return new PagerdutyConfig(
        new Secret(routingKey),
        new Secret(serviceKey),
        url.isEmpty() ? global.pagerdutyUrl() : url(node.get("url"), url),
        node.bool("send_resolved", true),
        fields,
        details,
        pagerdutyLinks(node.get("images"), "src", "alt", "href"),
        pagerdutyLinks(node.get("links"), "href", "text"),
        withTimeout(node, http));
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
      // As in Alertmanager: a URL action is a link button, so the message-action fields go.
      boolean link = !item.string("url", "").isEmpty();
      out.add(
          new SlackConfig.Action(
              item.string("type", ""),
              item.string("text", ""),
              item.string("url", ""),
              item.string("style", ""),
              link ? "" : item.string("name", ""),
              link ? "" : item.string("value", "")));
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
        "auth_secret_file",
        "auth_identity",
        "headers",
        "html",
        "text",
        "require_tls",
        "tls_config",
        "force_implicit_tls",
        "threading");
    exclusiveWithFile(node, "auth_password");
    exclusiveWithFile(node, "auth_secret");
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
    Optional<String> threadBy = threading(node.get("threading"), headers);
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
    TlsConfig tls =
        node.get("tls_config").isAbsent()
            ? global.smtpTls()
            : HttpConfigParser.tls(node.get("tls_config"), globals.warnings());
    YamlNode implicitNode = node.get("force_implicit_tls");
    Optional<Boolean> implicitTls =
        implicitNode.isAbsent()
            ? global.smtpForceImplicitTls()
            : Optional.of(node.bool("force_implicit_tls", false));
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
        headers,
        tls,
        implicitTls,
        threadBy);
  }

  /**
   * {@code threading}, checked as Alertmanager checks it: how mails are threaded ({@code none} or
   * {@code daily}), or empty when they are not.
   */
  private static Optional<String> threading(YamlNode node, Map<String, String> headers)
      throws InvalidConfigException {
    node.allowOnly("enabled", "thread_by_date");
    if (!node.bool("enabled", false)) {
      return Optional.empty();
    }
    for (String header : List.of("References", "In-Reply-To")) {
      if (headers.containsKey(header)) {
        throw node.get("enabled")
            .error(
                "conflicting configuration: threading.enabled conflicts with custom "
                    + header
                    + " header");
      }
    }
    String by = node.string("thread_by_date", "");
    if (!List.of("none", "daily").contains(by)) {
      throw node.get("thread_by_date")
          .error("threading.thread_by_date must be either 'none' or 'daily'");
    }
    return Optional.of(by);
  }

  private static String template(String name) {
    return "{{ template \"" + name + "\" . }}";
  }

  /**
   * Checks an http_config as Alertmanager does and returns the settings the connectors act on;
   * {@code fallback} when the node is absent. Warnings are dropped: prefer {@link
   * Globals#httpConfig}.
   */
  public static HttpClientConfig httpConfig(YamlNode node, HttpClientConfig fallback)
      throws InvalidConfigException {
    return HttpConfigParser.parse(node, fallback, new ConfigWarnings());
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
    throw file.error(HttpConfigParser.NO_FILES);
  }

  /** An SMTP {@code host:port}. */
  public static String smarthost(YamlNode node) throws InvalidConfigException {
    String text = node.text("");
    int colon = text.lastIndexOf(':');
    if (!text.isEmpty() && colon < 0) {
      throw node.error("address " + text + ": missing port in address");
    }
    if (!text.isEmpty() && colon == text.length() - 1) {
      throw node.error("address \"" + text + "\": port cannot be empty");
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

  /**
   * The URL with {@code /} appended to its path when it has none, as Alertmanager makes an API base
   * (OpsGenie, VictorOps, WeChat) so that endpoints can be added to it.
   */
  public static URI withTrailingSlash(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    if (path.endsWith("/")) {
      return url;
    }
    return URI.create(
        url.getScheme()
            + "://"
            + url.getRawAuthority()
            + path
            + "/"
            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
  }
}
