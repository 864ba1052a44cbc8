package io.alertstream.config.receivers.telegram;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.yaml.YamlNode;
import java.util.List;

/**
 * Reads {@code telegram_configs} entries as Alertmanager does, with the global {@code
 * telegram_api_url} and {@code telegram_bot_token} as fallbacks.
 */
public final class TelegramIntegration implements IntegrationType<TelegramConfig> {

  private static final List<String> PARSE_MODES = List.of("", "Markdown", "MarkdownV2", "HTML");

  @Override
  public String type() {
    return "telegram";
  }

  @Override
  public Class<TelegramConfig> settingsType() {
    return TelegramConfig.class;
  }

  @Override
  public List<String> globalKeys() {
    return List.of("telegram_api_url", "telegram_bot_token", "telegram_bot_token_file");
  }

  @Override
  public TelegramConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved",
        "http_config",
        "api_url",
        "bot_token",
        "bot_token_file",
        "chat_id",
        "chat_id_file",
        "message_thread_id",
        "message",
        "disable_notifications",
        "parse_mode");
    ReceiverParser.exclusiveWithFile(node, "bot_token");
    long chatId = int64(node.get("chat_id"));
    ReceiverParser.exclusiveWithFile(node, "chat_id");
    if (chatId == 0) {
      throw node.error("missing chat_id or chat_id_file on telegram_config");
    }
    String parseMode = node.string("parse_mode", TelegramConfig.DEFAULT_PARSE_MODE);
    if (!PARSE_MODES.contains(parseMode)) {
      throw node.get("parse_mode")
          .error(
              "unknown parse_mode on telegram_config, must be Markdown, MarkdownV2, HTML or empty string");
    }
    String token = node.string("bot_token", "");
    if (token.isEmpty()) {
      token = globals.secret("telegram_bot_token").value();
    }
    if (token.isEmpty()) {
      throw node.error("missing bot_token or bot_token_file on telegram_config");
    }
    String apiUrl = node.string("api_url", "");
    return new TelegramConfig(
        apiUrl.isEmpty()
            ? globals.url("telegram_api_url", TelegramConfig.DEFAULT_API_URL)
            : ReceiverParser.url(node.get("api_url"), apiUrl),
        new Secret(token),
        chatId,
        node.integer("message_thread_id", 0),
        node.string("message", TelegramConfig.DEFAULT_MESSAGE),
        node.bool("disable_notifications", false),
        parseMode,
        node.bool("send_resolved", true),
        globals.httpConfig(node));
  }

  /** A Go int64 setting; 0 when absent, as Go leaves it. */
  private static long int64(YamlNode value) throws InvalidConfigException {
    String text = value.text("");
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw value.error("cannot unmarshal !!str `" + text + "` into int64");
    }
  }

  @Override
  public boolean sendResolved(TelegramConfig settings) {
    return settings.sendResolved();
  }
}
