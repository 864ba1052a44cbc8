package io.alertstream.config.receivers.telegram;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import java.net.URI;

/**
 * One {@code telegram_configs} entry, Alertmanager's defaults and the global Telegram settings
 * applied.
 *
 * @param apiUrl the Bot API's base URL ({@code https://api.telegram.org} unless set)
 * @param botToken the bot's token, a secret that goes in the request's path
 * @param chatId the chat to post to
 * @param messageThreadId the forum topic to post to; 0 for none
 * @param message template of the message
 * @param disableNotifications whether the message arrives silently
 * @param parseMode how Telegram formats the message: {@code HTML} (the default), {@code Markdown},
 *     {@code MarkdownV2}, or empty for plain text
 * @param http proxy and TLS settings
 */
public record TelegramConfig(
    URI apiUrl,
    Secret botToken,
    long chatId,
    int messageThreadId,
    String message,
    boolean disableNotifications,
    String parseMode,
    boolean sendResolved,
    HttpClientConfig http) {

  /** The Bot API Alertmanager calls unless told otherwise. */
  public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");

  /** Alertmanager's default message. */
  public static final String DEFAULT_MESSAGE = "{{ template \"telegram.default.message\" . }}";

  /** Alertmanager's default parse mode. */
  public static final String DEFAULT_PARSE_MODE = "HTML";

  @Override
  public String toString() {
    return "TelegramConfig[apiUrl="
        + apiUrl
        + ", botToken=<secret>, chatId="
        + chatId
        + ", messageThreadId="
        + messageThreadId
        + ", message="
        + message
        + ", disableNotifications="
        + disableNotifications
        + ", parseMode="
        + parseMode
        + ", sendResolved="
        + sendResolved
        + ", http="
        + http
        + "]";
  }
}
