package io.alertstream.config.receivers;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code slack_configs} entry, global defaults applied.
 *
 * @param apiUrl the incoming-webhook or chat.postMessage URL (a secret)
 * @param fields the templated and plain settings (channel, username, color, title, title_link,
 *     pretext, text, fallback, icon_emoji, icon_url, footer, callback_id, image_url, thumb_url,
 *     link_names, short_fields), Alertmanager's defaults filled in
 * @param attachmentFields the {@code fields} list of the attachment
 * @param actions the {@code actions} list of the attachment
 * @param mrkdwnIn which attachment fields Slack formats as markdown
 * @param http proxy, TLS and authorization (a bot token for chat.postMessage) settings
 */
public record SlackConfig(
    URI apiUrl,
    boolean sendResolved,
    Map<String, String> fields,
    List<Field> attachmentFields,
    List<Action> actions,
    List<String> mrkdwnIn,
    HttpClientConfig http) {

  /** One attachment field; {@code isShort} empty means the config's short_fields applies. */
  public record Field(String title, String value, Optional<Boolean> isShort) {}

  /** One attachment action (a button). */
  public record Action(
      String type, String text, String url, String style, String name, String value) {}

  public SlackConfig {
    fields = Map.copyOf(fields);
    attachmentFields = List.copyOf(attachmentFields);
    actions = List.copyOf(actions);
    mrkdwnIn = List.copyOf(mrkdwnIn);
  }

  @Override
  public String toString() {
    return "SlackConfig[apiUrl=<secret>, sendResolved=" + sendResolved + ", fields=" + fields + "]";
  }
}
