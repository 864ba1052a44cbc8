package io.alertstream.connectors.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.config.receivers.telegram.TelegramConfig;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.GoText;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Telegram Bot API {@code sendMessage} call as Alertmanager (through its Telegram library) makes
 * it: a POST to {@code <api_url>/bot<token>/sendMessage} of a JSON object of strings, link previews
 * off.
 */
public final class TelegramNotifier implements Notifier<TelegramConfig> {

  /** Telegram's limit on a message, in characters. */
  static final int MAX_MESSAGE_RUNES = 4096;

  /**
   * What Alertmanager sends instead of an HTML message that is too long, since cutting HTML could
   * leave a tag open (the indentation is Alertmanager's).
   */
  static final String HTML_TOO_LONG =
      "Alertmanager notification could not be sent: message length exceeds Telegram limits.\n"
          + "\t\t\tPlease check the template used for producing the message content.";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String type() {
    return "telegram";
  }

  @Override
  public Class<TelegramConfig> settingsType() {
    return TelegramConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, TelegramConfig telegram, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    String text;
    if ("HTML".equals(telegram.parseMode())) {
      text = r.html("message", telegram.message(), TelegramConfig.DEFAULT_MESSAGE);
      if (text.codePointCount(0, text.length()) > MAX_MESSAGE_RUNES) {
        text = HTML_TOO_LONG;
      }
    } else {
      text =
          GoText.truncateInRunes(
              r.field("message", telegram.message(), TelegramConfig.DEFAULT_MESSAGE),
              MAX_MESSAGE_RUNES);
    }

    // The library sends a map of strings, which Go writes with its keys sorted.
    Map<String, String> body = new TreeMap<>();
    body.put("chat_id", Long.toString(telegram.chatId()));
    body.put("text", text);
    body.put("disable_web_page_preview", "true");
    if (telegram.disableNotifications()) {
      body.put("disable_notification", "true");
    }
    if (!telegram.parseMode().isEmpty()) {
      body.put("parse_mode", telegram.parseMode());
    }
    if (telegram.messageThreadId() != 0) {
      body.put("message_thread_id", Integer.toString(telegram.messageThreadId()));
    }

    return new Prepared(
        Outbound.HttpCall.post(
            sendMessageUrl(telegram),
            Outbound.HttpCall.jsonHeaders(Map.of()),
            toJson(body),
            telegram.http(),
            List.of(telegram.botToken()),
            TelegramNotifier::checkAnswer),
        r.problems());
  }

  private static URI sendMessageUrl(TelegramConfig telegram) {
    return URI.create(
        telegram.apiUrl().toString() + "/bot" + telegram.botToken().value() + "/sendMessage");
  }

  private static byte[] toJson(Map<String, String> body) {
    try {
      return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  /**
   * The Bot API's answer decides, whatever the status: {@code "ok": true} is a delivery; anything
   * else is retried, as Alertmanager retries every error its Telegram library reports (a flood
   * wait's {@code retry_after} is kept).
   */
  static AttemptResult checkAnswer(int status, String body) {
    JsonNode answer;
    try {
      answer = body == null ? null : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      answer = null;
    }
    if (answer == null || !answer.isObject()) {
      return new AttemptResult.Retry(
          "Telegram answered " + status + " without a Bot API result", Optional.empty());
    }
    if (answer.path("ok").asBoolean(false) && answer.path("result").isObject()) {
      return new AttemptResult.Delivered(status);
    }
    JsonNode retryAfter = answer.path("parameters").path("retry_after");
    return new AttemptResult.Retry(
        "Telegram refused the message: "
            + answer.path("description").asText("no description")
            + " ("
            + answer.path("error_code").asInt(status)
            + ")",
        retryAfter.canConvertToLong() && retryAfter.asLong() > 0
            ? Optional.of(Duration.ofSeconds(retryAfter.asLong()))
            : Optional.empty());
  }
}
