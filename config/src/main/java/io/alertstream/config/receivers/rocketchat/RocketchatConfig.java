package io.alertstream.config.receivers.rocketchat;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code rocketchat_configs} entry, global defaults applied.
 *
 * @param apiUrl the Rocket.Chat server (a public base; chat.postMessage is under it)
 * @param tokenId the user id sent as {@code X-User-Id}
 * @param token the personal access token sent as {@code X-Auth-Token}
 * @param texts the templated settings (channel, color, title, title_link, text, emoji, icon_url,
 *     image_url, thumb_url), Alertmanager's defaults filled in
 * @param shortFields whether a field without its own {@code short} is short
 * @param linkNames read as Alertmanager reads it; Alertmanager does not send it
 */
public record RocketchatConfig(
    URI apiUrl,
    Secret tokenId,
    Secret token,
    boolean sendResolved,
    Map<String, String> texts,
    List<Field> fields,
    boolean shortFields,
    boolean linkNames,
    List<Action> actions,
    HttpClientConfig http) {

  /** One attachment field; {@code isShort} empty means {@code short_fields} applies. */
  public record Field(String title, String value, Optional<Boolean> isShort) {}

  /** One button; Alertmanager sends only its text, url and msg (the type is always button). */
  public record Action(String text, String url, String msg) {}

  public RocketchatConfig {
    texts = Map.copyOf(texts);
    fields = List.copyOf(fields);
    actions = List.copyOf(actions);
  }

  @Override
  public String toString() {
    return "RocketchatConfig[apiUrl="
        + apiUrl
        + ", tokenId=<secret>, token=<secret>, sendResolved="
        + sendResolved
        + ", texts="
        + texts
        + ", http="
        + http
        + "]";
  }
}
