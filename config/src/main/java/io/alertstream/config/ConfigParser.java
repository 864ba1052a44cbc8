package io.alertstream.config;

import io.alertstream.config.inhibition.InhibitRule;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses and validates alertmanager.yml text into an {@link AlertmanagerConfig}. Errors name the
 * field and its line, and use Alertmanager's wording where it has one.
 */
public final class ConfigParser {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

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
        "mute_time_intervals");
    GlobalConfig global = global(root.get("global"));

    Map<String, ReceiverConfig> receivers = new LinkedHashMap<>();
    ReceiverParser receiverParser = new ReceiverParser(new Globals(global, root.get("global")));
    for (YamlNode node : root.get("receivers").items()) {
      ReceiverConfig receiver = receiverParser.parse(node);
      if (receivers.containsKey(receiver.name())) {
        throw node.get("name")
            .error("notification config name \"" + receiver.name() + "\" is not unique");
      }
      receivers.put(receiver.name(), receiver);
    }

    Map<String, TimeInterval> intervals = new LinkedHashMap<>();
    for (String section : List.of("time_intervals", "mute_time_intervals")) {
      for (YamlNode node : root.get(section).items()) {
        TimeInterval interval = TimeIntervalParser.parse(node);
        if (intervals.containsKey(interval.name())) {
          throw node.get("name").error("time interval \"" + interval.name() + "\" is not unique");
        }
        intervals.put(interval.name(), interval);
      }
    }

    YamlNode routeNode = root.get("route");
    if (routeNode.isAbsent()) {
      throw routeNode.error("no routes provided");
    }
    Route route = new RouteParser(receivers.keySet(), intervals.keySet()).parseRoot(routeNode);

    List<InhibitRule> inhibitRules = new ArrayList<>();
    for (YamlNode node : root.get("inhibit_rules").items()) {
      inhibitRules.add(inhibitRule(node));
    }
    return new AlertmanagerConfig(
        global, route, receivers, inhibitRules, intervals, root.strings("templates"));
  }

  private static GlobalConfig global(YamlNode node) throws InvalidConfigException {
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
                "smtp_auth_identity",
                "smtp_require_tls",
                "slack_api_url",
                "slack_api_url_file",
                "victorops_api_key",
                "victorops_api_key_file",
                "victorops_api_url",
                "pagerduty_url",
                "opsgenie_api_key",
                "opsgenie_api_key_file",
                "opsgenie_api_url",
                "wechat_api_url",
                "wechat_api_secret",
                "wechat_api_corp_id",
                "telegram_api_url",
                "webex_api_url"));
    for (String key : IntegrationTypes.ALL.globalKeys()) {
      if (!allowed.contains(key)) {
        allowed.add(key);
      }
    }
    node.allowOnly(allowed.toArray(String[]::new));
    for (String field :
        List.of("smtp_auth_password", "slack_api_url", "victorops_api_key", "opsgenie_api_key")) {
      ReceiverParser.exclusiveWithFile(node, field);
    }
    HttpClientConfig http =
        ReceiverParser.httpConfig(node.get("http_config"), HttpClientConfig.DEFAULT);
    var resolveTimeout =
        node.get("resolve_timeout").isAbsent()
            ? GlobalConfig.DEFAULT_RESOLVE_TIMEOUT
            : Durations.parse(node.get("resolve_timeout"));
    String slack = node.string("slack_api_url", "");
    String pagerduty = node.string("pagerduty_url", "");
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
        slack.isEmpty() ? null : ReceiverParser.url(node.get("slack_api_url"), slack),
        pagerduty.isEmpty()
            ? GlobalConfig.DEFAULT_PAGERDUTY_URL
            : ReceiverParser.url(node.get("pagerduty_url"), pagerduty),
        http);
  }

  private static InhibitRule inhibitRule(YamlNode node) throws InvalidConfigException {
    node.allowOnly(
        "source_match",
        "source_match_re",
        "source_matchers",
        "target_match",
        "target_match_re",
        "target_matchers",
        "equal");
    List<String> equal = node.strings("equal");
    for (String name : equal) {
      if (!LABEL_NAME.matcher(name).matches()) {
        throw node.get("equal").error("\"" + name + "\" is not a valid label name");
      }
    }
    return new InhibitRule(
        RouteParser.matchers(node, "source_match", "source_match_re", "source_matchers"),
        RouteParser.matchers(node, "target_match", "target_match_re", "target_matchers"),
        equal);
  }
}
