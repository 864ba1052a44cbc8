package io.alertstream.config.receivers.victorops;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.yaml.YamlNode;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code victorops_configs} entries as Alertmanager does: its defaults, the global API key
 * and URL as fallbacks, a required routing key and custom fields that leave the fixed ones alone.
 */
public final class VictoropsIntegration implements IntegrationType<VictoropsConfig> {

  /** Alertmanager's default {@code victorops_api_url}. */
  public static final URI DEFAULT_API_URL =
      URI.create("https://alert.victorops.com/integrations/generic/20131114/alert/");

  /** Body fields the notifier sets itself. */
  static final List<String> RESERVED_FIELDS =
      List.of(
          "routing_key",
          "message_type",
          "state_message",
          "entity_display_name",
          "monitoring_tool",
          "entity_id",
          "entity_state");

  @Override
  public String type() {
    return "victorops";
  }

  @Override
  public Class<VictoropsConfig> settingsType() {
    return VictoropsConfig.class;
  }

  @Override
  public List<String> globalKeys() {
    return List.of("victorops_api_key", "victorops_api_key_file", "victorops_api_url");
  }

  @Override
  public boolean sendResolved(VictoropsConfig settings) {
    return settings.sendResolved();
  }

  @Override
  public VictoropsConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved",
        "http_config",
        "api_key",
        "api_key_file",
        "api_url",
        "routing_key",
        "message_type",
        "state_message",
        "entity_display_name",
        "monitoring_tool",
        "custom_fields");
    HttpClientConfig http = globals.httpConfig(node);
    String routingKey = node.string("routing_key", "");
    if (routingKey.isEmpty()) {
      throw node.error("missing Routing key in VictorOps config");
    }
    ReceiverParser.exclusiveWithFile(node, "api_key");
    Map<String, String> customFields = node.stringMap("custom_fields");
    for (String reserved : RESERVED_FIELDS) {
      if (customFields.containsKey(reserved)) {
        throw node.get("custom_fields")
            .error(
                "victorOps config contains custom field "
                    + reserved
                    + " which cannot be used as it conflicts with the fixed/static fields");
      }
    }
    String apiUrlText = node.string("api_url", "");
    URI apiUrl =
        apiUrlText.isEmpty()
            ? globals.url("victorops_api_url", DEFAULT_API_URL)
            : ReceiverParser.url(node.get("api_url"), apiUrlText);
    String apiKey = node.string("api_key", "");
    if (apiKey.isEmpty()) {
      apiKey = globals.secret("victorops_api_key").value();
    }
    if (apiKey.isEmpty()) {
      throw node.error("no global VictorOps API Key set");
    }
    return new VictoropsConfig(
        new Secret(apiKey),
        ReceiverParser.withTrailingSlash(apiUrl),
        node.bool("send_resolved", true),
        routingKey,
        node.string("message_type", "CRITICAL"),
        node.string("state_message", "{{ template \"victorops.default.state_message\" . }}"),
        node.string(
            "entity_display_name", "{{ template \"victorops.default.entity_display_name\" . }}"),
        node.string("monitoring_tool", "{{ template \"victorops.default.monitoring_tool\" . }}"),
        customFields,
        http);
  }
}
