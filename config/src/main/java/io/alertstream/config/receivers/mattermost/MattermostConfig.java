package io.alertstream.config.receivers.mattermost;

import io.alertstream.config.receivers.HttpClientConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code mattermost_configs} entry, global defaults applied.
 *
 * @param webhookUrl the incoming webhook (a secret: its path is the hook's key)
 * @param texts the templated message settings (channel, username, text, fallback, color, pretext,
 *     author_name, author_link, author_icon, title, title_link, thumb_url, footer, footer_icon,
 *     image_url, icon_url, icon_emoji, type), Alertmanager's defaults filled in
 * @param fields the fields of the one attachment made when {@code attachments} is empty
 * @param attachments attachments as configured; when any, they replace the one made of {@code
 *     texts}
 * @param propsCard {@code props.card}; empty when unset
 * @param priority {@code priority}, when its {@code priority} is set
 */
public record MattermostConfig(
    URI webhookUrl,
    boolean sendResolved,
    Map<String, String> texts,
    List<Field> fields,
    List<Attachment> attachments,
    String propsCard,
    Optional<Priority> priority,
    HttpClientConfig http) {

  /** One attachment field; {@code isShort} empty leaves {@code short} out. */
  public record Field(String title, String value, Optional<Boolean> isShort) {}

  /**
   * One configured attachment.
   *
   * @param texts its templated settings by key (fallback, color, pretext, text, author_name, ...)
   */
  public record Attachment(Map<String, String> texts, List<Field> fields) {
    public Attachment {
      texts = Map.copyOf(texts);
      fields = List.copyOf(fields);
    }
  }

  /** Message priority; {@code priority} is a template. */
  public record Priority(String priority, boolean requestedAck, boolean persistentNotifications) {}

  public MattermostConfig {
    texts = Map.copyOf(texts);
    fields = List.copyOf(fields);
    attachments = List.copyOf(attachments);
  }

  @Override
  public String toString() {
    return "MattermostConfig[webhookUrl=<secret>, sendResolved="
        + sendResolved
        + ", texts="
        + texts
        + ", http="
        + http
        + "]";
  }
}
