package io.alertstream.config.receivers;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The load-time checks Alertmanager makes on integrations Alertstream does not deliver, so that a
 * config it would refuse is refused here too, with its message.
 */
final class OtherIntegrations {

  /** A required setting, optionally with a {@code global} fallback. */
  private record Required(String field, String globalField, String message) {}

  private static final Map<String, List<Required>> REQUIRED =
      Map.of(
          "opsgenie_configs",
          List.of(
              new Required(
                  "api_key",
                  "opsgenie_api_key",
                  "no global OpsGenie API Key set either inline or in a file")),
          "victorops_configs",
          List.of(
              new Required("api_key", "victorops_api_key", "no global VictorOps API Key set"),
              new Required("routing_key", null, "missing Routing key in VictorOps config")),
          "wechat_configs",
          List.of(
              new Required("api_secret", "wechat_api_secret", "no global Wechat ApiSecret set"),
              new Required("corp_id", "wechat_api_corp_id", "no global Wechat CorpID set")),
          "pushover_configs",
          List.of(
              new Required("user_key", null, "missing user key in Pushover config"),
              new Required("token", null, "missing token in Pushover config")),
          "telegram_configs",
          List.of(
              new Required("bot_token", null, "missing bot_token on telegram_config"),
              new Required("chat_id", null, "missing chat_id on telegram_config")),
          "webex_configs",
          List.of(new Required("room_id", null, "missing room_id on webex_config")),
          "discord_configs",
          List.of(new Required("webhook_url", null, "no discord webhook URL provided")),
          "sns_configs",
          List.of(),
          "msteams_configs",
          List.of(
              new Required(
                  "webhook_url",
                  null,
                  "one of webhook_url or webhook_url_file must be configured")));

  private static final Pattern RESPONDER_TYPE =
      Pattern.compile("^(team|teams|user|escalation|schedule)$");
  private static final Pattern GO_DURATION =
      Pattern.compile("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$");

  private OtherIntegrations() {}

  static List<String> types() {
    return List.copyOf(REQUIRED.keySet());
  }

  static void check(String type, YamlNode node, YamlNode global) throws InvalidConfigException {
    node.requireMap();
    ReceiverParser.httpConfig(node.get("http_config"), HttpClientConfig.DEFAULT);
    for (Required r : REQUIRED.get(type)) {
      ReceiverParser.exclusiveWithFile(node, r.field());
      boolean inline = !node.string(r.field(), "").isEmpty();
      boolean fromGlobal = r.globalField() != null && !global.string(r.globalField(), "").isEmpty();
      if (!inline && !fromGlobal) {
        throw node.error(r.message());
      }
    }
    switch (type) {
      case "opsgenie_configs" -> {
        for (YamlNode responder : node.get("responders").items()) {
          String rtype = responder.string("type", "");
          String id = responder.string("id", "");
          String name = responder.string("name", "");
          String username = responder.string("username", "");
          if (id.isEmpty() && name.isEmpty() && username.isEmpty()) {
            throw responder.error(
                "opsGenieConfig responder "
                    + describe(responder)
                    + " has to have at least one of id, username or name specified");
          }
          if (!RESPONDER_TYPE.matcher(rtype).matches()) {
            throw responder.error(
                "opsGenieConfig responder "
                    + describe(responder)
                    + " type does not match valid options "
                    + RESPONDER_TYPE.pattern());
          }
        }
      }
      case "wechat_configs" -> {
        String messageType = node.string("message_type", "text");
        if (!messageType.matches("^(text|markdown)$")) {
          throw node.get("message_type")
              .error(
                  "weChat message type \""
                      + messageType
                      + "\" does not match valid options ^(text|markdown)$");
        }
      }
      case "pushover_configs" -> {
        for (String field : List.of("retry", "expire")) {
          String text = node.string(field, "");
          if (!text.isEmpty() && !GO_DURATION.matcher(text).matches()) {
            throw node.get(field).error("time: invalid duration \"" + text + "\"");
          }
        }
      }
      case "telegram_configs" -> {
        String mode = node.string("parse_mode", "");
        if (!List.of("", "Markdown", "MarkdownV2", "HTML").contains(mode)) {
          throw node.get("parse_mode")
              .error(
                  "unknown parse_mode on telegram_config, must be Markdown, MarkdownV2, HTML or empty string");
        }
      }
      case "webex_configs" -> {
        if (node.get("http_config").get("authorization").isAbsent()) {
          throw node.error("missing webex_configs.http_config.authorization");
        }
      }
      case "sns_configs" -> {
        if (node.string("target_arn", "").isEmpty()
            && node.string("topic_arn", "").isEmpty()
            && node.string("phone_number", "").isEmpty()) {
          throw node.error(
              "must provide either a Target ARN, Topic ARN, or Phone Number for SNS config");
        }
        YamlNode sigv4 = node.get("sigv4");
        boolean access = !sigv4.string("access_key", "").isEmpty();
        boolean secret = !sigv4.string("secret_key", "").isEmpty();
        if (access != secret) {
          throw sigv4.error(
              "must provide a AWS SigV4 Access key and Secret Key if credentials are specified in the SigV4 config");
        }
      }
      default -> {}
    }
  }

  /** Alertmanager prints a responder as its Go struct: {@code {id name username type}}. */
  private static String describe(YamlNode responder) throws InvalidConfigException {
    return "{"
        + responder.string("id", "")
        + " "
        + responder.string("name", "")
        + " "
        + responder.string("username", "")
        + " "
        + responder.string("type", "")
        + "}";
  }
}
