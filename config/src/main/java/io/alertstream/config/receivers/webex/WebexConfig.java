package io.alertstream.config.receivers.webex;

import io.alertstream.config.receivers.HttpClientConfig;
import java.net.URI;

/**
 * One {@code webex_configs} entry, Alertmanager's defaults and the global {@code webex_api_url}
 * applied.
 *
 * @param apiUrl the messages API ({@code https://webexapis.com/v1/messages} unless set)
 * @param roomId template of the room to post to
 * @param message template of the message (markdown)
 * @param http its authorization (the bot's token, required) and proxy and TLS settings
 */
public record WebexConfig(
    URI apiUrl, String roomId, String message, boolean sendResolved, HttpClientConfig http) {

  /** The messages API Alertmanager calls unless told otherwise. */
  public static final URI DEFAULT_API_URL = URI.create("https://webexapis.com/v1/messages");

  /** Alertmanager's default message. */
  public static final String DEFAULT_MESSAGE = "{{ template \"webex.default.message\" . }}";
}
