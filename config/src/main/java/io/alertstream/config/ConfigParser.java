package io.alertstream.config;

import io.alertstream.config.inhibition.InhibitRule;
import io.alertstream.config.matchers.LabelNames;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.HttpConfigParser;
import io.alertstream.config.receivers.IntegrationTypes;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.routing.Route;
import io.alertstream.config.routing.RouteParser;
import io.alertstream.config.timeintervals.TimeInterval;
import io.alertstream.config.timeintervals.TimeIntervalParser;
import io.alertstream.config.yaml.Durations;
import io.alertstream.config.yaml.YamlNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses and validates alertmanager.yml text into an {@link AlertmanagerConfig}. Errors name the
 * field and its line, and use Alertmanager's wording where it has one.
 */
public final class ConfigParser {

  public AlertmanagerConfig parse(String yaml) throws InvalidConfigException {
    if (yaml == null || yaml.isBlank()) {
      throw new InvalidConfigException("", "no route provided in config");
    }
    YamlNode root = YamlNode.parse(yaml);
    if (root.isAbsent()) {
      throw new InvalidConfigException("", "no route provided in config");
    }
    if (!root.isMap()) {
      root.requireMap();
    }
    root.allowOnly(
        "global",
        "route",
        "inhibit_rules",
        "receivers",
        "templates",
        "time_intervals",
        "mute_time_intervals",
        "tracing",
        "event_recorder");
    ConfigWarnings warnings = new ConfigWarnings();
    GlobalConfig global = global(root.get("global"), warnings);
    ServerSections.tracing(root.get("tracing"), warnings);
    ServerSections.eventRecorder(root.get("event_recorder"), warnings);

    Map<String, ReceiverConfig> receivers = new LinkedHashMap<>();
    ReceiverParser receiverParser =
        new ReceiverParser(new Globals(global, root.get("global"), warnings));
    for (YamlNode node : root.get("receivers").items()) {
      ReceiverConfig receiver = receiverParser.parse(node);
      if (receivers.containsKey(receiver.name())) {
        throw node.get("name")
            .error("notification config name \"" + receiver.name() + "\" is not unique");
      }
      receivers.put(receiver.name(), receiver);
    }

    Map<String, TimeInterval> intervals = new LinkedHashMap<>();
    // Alertmanager reads the deprecated section first.
    for (String section : List.of("mute_time_intervals", "time_intervals")) {
      String kind = section.equals("time_intervals") ? "time interval" : "mute time interval";
      for (YamlNode node : root.get(section).items()) {
        TimeInterval interval = TimeIntervalParser.parse(node, kind);
        if (intervals.containsKey(interval.name())) {
          throw node.get("name").error(kind + " \"" + interval.name() + "\" is not unique");
        }
        intervals.put(interval.name(), interval);
      }
    }

    YamlNode routeNode = root.get("route");
    if (routeNode.isAbsent()) {
      throw routeNode.error("no routes provided");
    }
    Route route =
        new RouteParser(receivers.keySet(), intervals.keySet(), warnings).parseRoot(routeNode);

    List<InhibitRule> inhibitRules = new ArrayList<>();
    for (YamlNode node : root.get("inhibit_rules").items()) {
      inhibitRules.add(inhibitRule(node));
    }
    return new AlertmanagerConfig(
        global,
        route,
        receivers,
        inhibitRules,
        intervals,
        root.strings("templates"),
        warnings.list());
  }

  private static GlobalConfig global(YamlNode node, ConfigWarnings warnings)
      throws InvalidConfigException {
    List<String> allowed =
        new ArrayList<>(
            List.of(
                "resolve_timeout",
                "http_config",
                "smtp_from",
                "smtp_hello",
                "smtp_smarthost",
                "smtp_auth_username",
                "smtp_auth_password",
                "smtp_auth_password_file",
                "smtp_auth_secret",
                "smtp_auth_secret_file",
                "smtp_auth_identity",
                "smtp_require_tls",
                "smtp_tls_config",
                "smtp_force_implicit_tls",
                "slack_api_url",
                "slack_api_url_file",
                "slack_app_token",
                "slack_app_token_file",
                "slack_app_url",
                "pagerduty_url",
                // Other types' keys, as Alertmanager's global section lists them; each type also
                // declares its own through IntegrationType.globalKeys().
                "jira_api_url",
                "victorops_api_key",
                "victorops_api_key_file",
                "victorops_api_url",
                "opsgenie_api_key",
                "opsgenie_api_key_file",
                "opsgenie_api_url",
                "wechat_api_url",
                "wechat_api_secret",
                "wechat_api_secret_file",
                "wechat_api_corp_id",
                "telegram_api_url",
                "telegram_bot_token",
                "telegram_bot_token_file",
                "webex_api_url",
                "rocketchat_api_url",
                "rocketchat_token",
                "rocketchat_token_file",
                "rocketchat_token_id",
                "rocketchat_token_id_file",
                "mattermost_webhook_url",
                "mattermost_webhook_url_file"));
    for (String key : IntegrationTypes.ALL.globalKeys()) {
      if (!allowed.contains(key)) {
        allowed.add(key);
      }
    }
    node.allowOnly(allowed.toArray(String[]::new));
    for (String field :
        List.of(
            "slack_app_token",
            "slack_api_url",
            "opsgenie_api_key",
            "victorops_api_key",
            "telegram_bot_token",
            "smtp_auth_password",
            "rocketchat_token",
            "rocketchat_token_id",
            "smtp_auth_secret",
            "wechat_api_secret",
            "mattermost_webhook_url")) {
      ReceiverParser.exclusiveWithFile(node, field);
    }
    String slack = node.string("slack_api_url", "");
    String appToken = node.string("slack_app_token", "");
    String appUrl = node.string("slack_app_url", "");
    URI slackAppUrl =
        appUrl.isEmpty()
            ? GlobalConfig.DEFAULT_SLACK_APP_URL
            : ReceiverParser.url(node.get("slack_app_url"), appUrl);
    if (!appToken.isEmpty() && !slack.isEmpty() && !slack.equals(slackAppUrl.toString())) {
      throw node.error(
          "at most one of slack_app_token/slack_app_token_file & slack_api_url/slack_api_url_file"
              + " must be configured");
    }
    HttpClientConfig http =
        HttpConfigParser.parse(node.get("http_config"), HttpClientConfig.DEFAULT, warnings);
    var resolveTimeout =
        node.get("resolve_timeout").isAbsent()
            ? GlobalConfig.DEFAULT_RESOLVE_TIMEOUT
            : Durations.parse(node.get("resolve_timeout"));
    String pagerduty = node.string("pagerduty_url", "");
    YamlNode implicitTls = node.get("smtp_force_implicit_tls");
    return new GlobalConfig(
        resolveTimeout,
        node.string("smtp_from", ""),
        node.string("smtp_hello", "localhost"),
        ReceiverParser.smarthost(node.get("smtp_smarthost")),
        node.string("smtp_auth_username", ""),
        new Secret(node.string("smtp_auth_password", "")),
        new Secret(node.string("smtp_auth_secret", "")),
        node.string("smtp_auth_identity", ""),
        node.bool("smtp_require_tls", true),
        HttpConfigParser.tls(node.get("smtp_tls_config"), warnings),
        implicitTls.isAbsent()
            ? Optional.empty()
            : Optional.of(node.bool("smtp_force_implicit_tls", false)),
        slack.isEmpty() ? null : ReceiverParser.url(node.get("slack_api_url"), slack),
        new Secret(appToken),
        slackAppUrl,
        pagerduty.isEmpty()
            ? GlobalConfig.DEFAULT_PAGERDUTY_URL
            : ReceiverParser.url(node.get("pagerduty_url"), pagerduty),
        http);
  }

  private static InhibitRule inhibitRule(YamlNode node) throws InvalidConfigException {
    node.allowOnly(
        "name",
        "source_match",
        "source_match_re",
        "source_matchers",
        "target_match",
        "target_match_re",
        "target_matchers",
        "equal");
    List<String> equal = node.strings("equal");
    for (String name : equal) {
      if (!LabelNames.isValid(name)) {
        throw node.get("equal").error("invalid label name \"" + name + "\" in equal list");
      }
    }
    return new InhibitRule(
        node.string("name", ""),
        RouteParser.matchers(node, "source_match", "source_match_re", "source_matchers"),
        RouteParser.matchers(node, "target_match", "target_match_re", "target_matchers"),
        equal);
  }
}
