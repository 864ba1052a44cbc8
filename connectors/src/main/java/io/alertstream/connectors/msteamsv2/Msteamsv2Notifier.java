package io.alertstream.connectors.msteamsv2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.msteamsv2.Msteamsv2Config;
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
 * An Adaptive Card as Alertmanager posts it to a Teams workflow (Power Automate HTTP trigger): a
 * heading coloured by the alerts' state (Attention while firing, Good once resolved) and the text.
 */
public final class Msteamsv2Notifier implements Notifier<Msteamsv2Config> {

  static final String COLOR_FIRING = "Attention";
  static final String COLOR_RESOLVED = "Good";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String type() {
    return "msteamsv2";
  }

  @Override
  public Class<Msteamsv2Config> settingsType() {
    return Msteamsv2Config.class;
  }

  @Override
  public Prepared prepare(Notification n, Msteamsv2Config teams, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    String title = r.field("title", teams.title(), Msteamsv2Config.DEFAULT_TITLE);
    String text = r.field("text", teams.text(), Msteamsv2Config.DEFAULT_TEXT);

    ObjectNode message = JSON.createObjectNode();
    message.put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.2");
    ArrayNode blocks = card.putArray("body");
    ObjectNode heading = blocks.addObject();
    heading.put("type", "TextBlock");
    heading.put("text", title);
    heading.put("weight", "Bolder");
    heading.put("size", "Medium");
    heading.put("wrap", true);
    heading.put("style", "heading");
    heading.put("color", r.data().isFiring() ? COLOR_FIRING : COLOR_RESOLVED);
    ObjectNode textBlock = blocks.addObject();
    textBlock.put("type", "TextBlock");
    textBlock.put("text", text);
    textBlock.put("wrap", true);
    card.putObject("msteams").put("width", "full");

    return new Prepared(
        Outbound.HttpCall.post(
            teams.webhookUrl(),
            Outbound.HttpCall.jsonHeaders(Map.of()),
            message.toString().getBytes(StandardCharsets.UTF_8),
            teams.http(),
            List.of(new Secret(teams.webhookUrl().toString())),
            Outbound.AnswerCheck.retrying()),
        r.problems());
  }
}
