package io.alertstream.config.receivers.opsgenie;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.yaml.YamlNode;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads {@code opsgenie_configs} entries as Alertmanager does: its defaults, the global API key and
 * URL as fallbacks, and its checks of responders.
 */
public final class OpsgenieIntegration implements IntegrationType<OpsgenieConfig> {

  /** Alertmanager's default {@code opsgenie_api_url}. */
  public static final URI DEFAULT_API_URL = URI.create("https://api.opsgenie.com/");

  static final String RESPONDER_TYPES = "^(team|teams|user|escalation|schedule)$";

  private static final Pattern RESPONDER_TYPE = Pattern.compile(RESPONDER_TYPES);
  private static final TemplateSet SYNTAX = TemplateSet.builder().build();

  @Override
  public String type() {
    return "opsgenie";
  }

  @Override
  public Class<OpsgenieConfig> settingsType() {
    return OpsgenieConfig.class;
  }

  @Override
  public List<String> globalKeys() {
    return List.of("opsgenie_api_key", "opsgenie_api_key_file", "opsgenie_api_url");
  }

  @Override
  public boolean sendResolved(OpsgenieConfig settings) {
    return settings.sendResolved();
  }

  @Override
  public OpsgenieConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved",
        "http_config",
        "api_key",
        "api_key_file",
        "api_url",
        "message",
        "description",
        "source",
        "details",
        "entity",
        "responders",
        "actions",
        "tags",
        "note",
        "priority",
        "update_alerts");
    HttpClientConfig http = globals.httpConfig(node);
    ReceiverParser.exclusiveWithFile(node, "api_key");
    List<OpsgenieConfig.Responder> responders = responders(node.get("responders"));
    String apiUrlText = node.string("api_url", "");
    URI apiUrl =
        apiUrlText.isEmpty()
            ? globals.url("opsgenie_api_url", DEFAULT_API_URL)
            : ReceiverParser.url(node.get("api_url"), apiUrlText);
    String apiKey = node.string("api_key", "");
    if (apiKey.isEmpty()) {
      apiKey = globals.secret("opsgenie_api_key").value();
    }
    if (apiKey.isEmpty()) {
      throw node.error("no global OpsGenie API Key set either inline or in a file");
    }
    return new OpsgenieConfig(
        new Secret(apiKey),
        ReceiverParser.withTrailingSlash(apiUrl),
        node.bool("send_resolved", true),
        node.string("message", "{{ template \"opsgenie.default.message\" . }}"),
        node.string("description", "{{ template \"opsgenie.default.description\" . }}"),
        node.string("source", "{{ template \"opsgenie.default.source\" . }}"),
        node.stringMap("details"),
        node.string("entity", ""),
        responders,
        node.string("actions", ""),
        node.string("tags", ""),
        node.string("note", ""),
        node.string("priority", ""),
        node.bool("update_alerts", false),
        http);
  }

  private static List<OpsgenieConfig.Responder> responders(YamlNode list)
      throws InvalidConfigException {
    List<OpsgenieConfig.Responder> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      item.allowOnly("id", "name", "username", "type");
      OpsgenieConfig.Responder r =
          new OpsgenieConfig.Responder(
              item.string("id", ""),
              item.string("name", ""),
              item.string("username", ""),
              item.string("type", ""));
      if (r.id().isEmpty() && r.name().isEmpty() && r.username().isEmpty()) {
        throw item.error(
            "opsGenieConfig responder "
                + describe(r, r.type())
                + " has to have at least one of id, username or name specified");
      }
      if (r.type().contains("{{")) {
        try {
          SYNTAX.check("responder", r.type());
        } catch (TemplateException e) {
          throw item.get("type")
              .error(
                  "opsGenieConfig responder "
                      + describe(r, r.type())
                      + " type contains invalid template syntax: "
                      + e.getMessage());
        }
      } else {
        String lower = r.type().toLowerCase(Locale.ROOT);
        if (!RESPONDER_TYPE.matcher(lower).matches()) {
          throw item.get("type")
              .error(
                  "opsGenieConfig responder "
                      + describe(r, lower)
                      + " type does not match valid options "
                      + RESPONDER_TYPES);
        }
      }
      out.add(r);
    }
    return out;
  }

  /** A responder as Go prints the struct: {@code {id name username type}}. */
  private static String describe(OpsgenieConfig.Responder r, String type) {
    return "{" + r.id() + " " + r.name() + " " + r.username() + " " + type + "}";
  }
}
