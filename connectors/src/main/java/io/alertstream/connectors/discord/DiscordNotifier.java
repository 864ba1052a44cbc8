package io.alertstream.connectors.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.discord.DiscordConfig;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.GoText;
import io.alertstream.connectors.rendering.JsonFields;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A Discord webhook message as Alertmanager sends it: the content, and one embed whose title,
 * description and colour (red while firing, green once resolved) tell the alerts' state.
 */
public final class DiscordNotifier implements Notifier<DiscordConfig> {

  /** Discord's limit on an embed's title, in characters. */
  static final int MAX_TITLE_RUNES = 256;

  /** Discord's limit on an embed's description, in characters. */
  static final int MAX_DESCRIPTION_RUNES = 4096;

  /** Discord's limit on a message's content, in characters. */
  static final int MAX_CONTENT_RUNES = 2000;

  static final int COLOR_FIRING = 0x992D22;
  static final int COLOR_RESOLVED = 0x2ECC71;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String type() {
    return "discord";
  }

  @Override
  public Class<DiscordConfig> settingsType() {
    return DiscordConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, DiscordConfig discord, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    String title = r.field("title", discord.title(), DiscordConfig.DEFAULT_TITLE);
    String description = r.field("message", discord.message(), DiscordConfig.DEFAULT_MESSAGE);
    String content = r.field("content", discord.content(), "");

    ObjectNode body = JSON.createObjectNode();
    body.put("content", GoText.truncateInRunes(content, MAX_CONTENT_RUNES));
    ObjectNode embed = body.putArray("embeds").addObject();
    embed.put("title", GoText.truncateInRunes(title, MAX_TITLE_RUNES));
    embed.put("description", GoText.truncateInRunes(description, MAX_DESCRIPTION_RUNES));
    embed.put("color", r.data().isFiring() ? COLOR_FIRING : COLOR_RESOLVED);
    JsonFields.putIfNotEmpty(body, "username", discord.username());
    if (goParsesUrl(discord.avatarUrl())) {
      JsonFields.putIfNotEmpty(body, "avatar_url", discord.avatarUrl());
    }

    return new Prepared(
        Outbound.HttpCall.post(
            discord.webhookUrl(),
            Outbound.HttpCall.jsonHeaders(Map.of()),
            body.toString().getBytes(StandardCharsets.UTF_8),
            discord.http(),
            List.of(new Secret(discord.webhookUrl().toString())),
            Outbound.AnswerCheck.retrying()),
        r.problems());
  }

  /**
   * Alertmanager leaves out an avatar URL Go cannot parse; of what reaches here, that is one with a
   * control character.
   */
  private static boolean goParsesUrl(String url) {
    return url.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }
}
