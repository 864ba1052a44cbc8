package io.alertstream.config.receivers;

import java.net.URI;
import java.util.Map;

/**
 * One {@code slack_configs} entry, global defaults applied.
 *
 * @param apiUrl the incoming-webhook or chat.postMessage URL (a secret)
 * @param fields the templated and plain settings (channel, username, color, title, title_link,
 *     pretext, text, fallback, icon_emoji, icon_url, footer, callback_id), Alertmanager's defaults
 *     filled in
 */
public record SlackConfig(URI apiUrl, boolean sendResolved, Map<String, String> fields) {

  public SlackConfig {
    fields = Map.copyOf(fields);
  }

  @Override
  public String toString() {
    return "SlackConfig[apiUrl=<secret>, sendResolved=" + sendResolved + ", fields=" + fields + "]";
  }
}
