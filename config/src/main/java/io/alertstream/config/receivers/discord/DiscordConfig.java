package io.alertstream.config.receivers.discord;

import io.alertstream.config.receivers.HttpClientConfig;
import java.net.URI;

/**
 * One {@code discord_configs} entry, Alertmanager's defaults applied.
 *
 * @param webhookUrl the channel's webhook URL (a secret: it holds the webhook's token)
 * @param title template of the embed's title
 * @param message template of the embed's description
 * @param content template of the message's plain content, empty by default
 * @param username the name the message is posted under; empty keeps the webhook's own
 * @param avatarUrl the avatar the message is posted with; empty keeps the webhook's own
 * @param http proxy and TLS settings
 */
public record DiscordConfig(
    URI webhookUrl,
    boolean sendResolved,
    String title,
    String message,
    String content,
    String username,
    String avatarUrl,
    HttpClientConfig http) {

  /** Alertmanager's default title. */
  public static final String DEFAULT_TITLE = "{{ template \"discord.default.title\" . }}";

  /** Alertmanager's default message. */
  public static final String DEFAULT_MESSAGE = "{{ template \"discord.default.message\" . }}";

  @Override
  public String toString() {
    return "DiscordConfig[webhookUrl=<secret>, sendResolved="
        + sendResolved
        + ", title="
        + title
        + ", message="
        + message
        + ", content="
        + content
        + ", username="
        + username
        + ", avatarUrl="
        + avatarUrl
        + ", http="
        + http
        + "]";
  }
}
