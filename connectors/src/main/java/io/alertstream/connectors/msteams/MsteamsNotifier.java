package io.alertstream.connectors.msteams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.msteams.MsteamsConfig;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A MessageCard as Alertmanager posts it to a Teams incoming webhook (Office 365 connector): title,
 * summary, text, and a theme colour that is red while firing and green once resolved.
 */
public final class MsteamsNotifier implements Notifier<MsteamsConfig> {

  static final String COLOR_FIRING = "8C1A1A";
  static final String COLOR_RESOLVED = "2DC72D";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String type() {
    return "msteams";
  }

  @Override
  public Class<MsteamsConfig> settingsType() {
    return MsteamsConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, MsteamsConfig teams, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    ObjectNode card = JSON.createObjectNode();
    card.put("@context", "http://schema.org/extensions");
    card.put("type", "MessageCard");
    card.put("title", r.field("title", teams.title(), MsteamsConfig.DEFAULT_TITLE));
    card.put("summary", r.field("summary", teams.summary(), MsteamsConfig.DEFAULT_SUMMARY));
    card.put("text", r.field("text", teams.text(), MsteamsConfig.DEFAULT_TEXT));
    card.put("themeColor", r.data().isFiring() ? COLOR_FIRING : COLOR_RESOLVED);
    return new Prepared(
        Outbound.HttpCall.post(
            teams.webhookUrl(),
            Outbound.HttpCall.jsonHeaders(Map.of()),
            card.toString().getBytes(StandardCharsets.UTF_8),
            teams.http(),
            List.of(new Secret(teams.webhookUrl().toString())),
            Outbound.AnswerCheck.retrying()),
        r.problems());
  }
}
