package io.alertstream.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and validates alertmanager.yml text into an {@link AlertmanagerConfig}. */
public final class ConfigParser {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public AlertmanagerConfig parse(String yaml) throws InvalidConfigException {
    if (yaml == null || yaml.isBlank()) {
      throw new InvalidConfigException("", "configuration is empty");
    }
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new InvalidConfigException("", "not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidConfigException("", "configuration must be a YAML mapping");
    }
    var resolveTimeout =
        DurationParser.parse(
            "global.resolve_timeout",
            root.path("global").path("resolve_timeout"),
            AlertmanagerConfig.DEFAULT_RESOLVE_TIMEOUT);
    Map<String, ReceiverConfig> receivers = parseReceivers(root.path("receivers"));
    JsonNode route = root.path("route");
    if (!route.isObject()) {
      throw new InvalidConfigException("route", "no root route provided");
    }
    String rootReceiver = route.path("receiver").asText("");
    if (rootReceiver.isEmpty()) {
      throw new InvalidConfigException(
          "route.receiver", "root route must specify a default receiver");
    }
    if (!receivers.containsKey(rootReceiver)) {
      throw new InvalidConfigException(
          "route.receiver", "undefined receiver \"" + rootReceiver + "\" used in route");
    }
    return new AlertmanagerConfig(resolveTimeout, rootReceiver, receivers);
  }

  private static Map<String, ReceiverConfig> parseReceivers(JsonNode list)
      throws InvalidConfigException {
    if (list.isMissingNode() || list.isNull()) {
      return Map.of();
    }
    if (!list.isArray()) {
      throw new InvalidConfigException("receivers", "must be a list");
    }
    Map<String, ReceiverConfig> receivers = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "receivers[" + i + "]";
      JsonNode node = list.get(i);
      String name = node.path("name").asText("");
      if (name.isEmpty()) {
        throw new InvalidConfigException(path + ".name", "missing name in receiver");
      }
      if (receivers.containsKey(name)) {
        throw new InvalidConfigException(
            path + ".name", "notification config name \"" + name + "\" is not unique");
      }
      receivers.put(
          name, new ReceiverConfig(name, parseWebhooks(path, node.path("webhook_configs"))));
    }
    return receivers;
  }

  private static List<WebhookConfig> parseWebhooks(String receiverPath, JsonNode list)
      throws InvalidConfigException {
    List<WebhookConfig> webhooks = new ArrayList<>();
    if (list.isMissingNode() || list.isNull()) {
      return webhooks;
    }
    if (!list.isArray()) {
      throw new InvalidConfigException(receiverPath + ".webhook_configs", "must be a list");
    }
    for (int i = 0; i < list.size(); i++) {
      String path = receiverPath + ".webhook_configs[" + i + "]";
      JsonNode node = list.get(i);
      if (node.has("url_file")) {
        throw new InvalidConfigException(
            path + ".url_file", "file paths are not allowed in a tenant configuration");
      }
      URI url = parseUrl(path + ".url", node.path("url").asText(""));
      int maxAlerts = node.path("max_alerts").asInt(0);
      if (maxAlerts < 0) {
        throw new InvalidConfigException(path + ".max_alerts", "must not be negative");
      }
      webhooks.add(new WebhookConfig(url, node.path("send_resolved").asBoolean(true), maxAlerts));
    }
    return webhooks;
  }

  private static URI parseUrl(String path, String text) throws InvalidConfigException {
    if (text.isEmpty()) {
      throw new InvalidConfigException(path, "one of url or url_file must be configured");
    }
    try {
      URI url = new URI(text);
      if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
        throw new InvalidConfigException(
            path, "unsupported scheme \"" + url.getScheme() + "\" for URL");
      }
      if (url.getHost() == null) {
        throw new InvalidConfigException(path, "URL has no host");
      }
      return url;
    } catch (URISyntaxException e) {
      // The URL itself is a secret: say what is wrong without echoing it.
      throw new InvalidConfigException(path, "not a valid URL (" + e.getReason() + ")");
    }
  }
}
