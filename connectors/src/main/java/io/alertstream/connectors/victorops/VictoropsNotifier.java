package io.alertstream.connectors.victorops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.victorops.VictoropsConfig;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.GoText;
import io.alertstream.connectors.rendering.GroupKeyHash;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A VictorOps (Splunk On-Call) REST endpoint event as Alertmanager sends it: posted to {@code
 * <api_url><api_key>/<routing_key>}, with the SHA-256 of the group key as {@code entity_id}, the
 * configured message type while firing and {@code RECOVERY} once resolved.
 */
public final class VictoropsNotifier implements Notifier<VictoropsConfig> {

  /** Alertmanager's limit for {@code state_message}, in runes. */
  static final int MAX_STATE_MESSAGE_RUNES = 20480;

  /** Alertmanager retries only 5xx answers from VictorOps (its API documents no others). */
  static final Outbound.AnswerCheck CHECK = Outbound.AnswerCheck.retrying();

  private static final Set<String> FIRING_TYPES = Set.of("INFO", "WARNING", "CRITICAL");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String type() {
    return "victorops";
  }

  @Override
  public Class<VictoropsConfig> settingsType() {
    return VictoropsConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, VictoropsConfig vo, TemplateSet templates)
      throws Refusal {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    String routingKey = r.field("routing_key", vo.routingKey(), "");
    if (routingKey.isEmpty()) {
      throw new Refusal("the routing_key of the VictorOps config rendered empty");
    }
    String messageType = r.field("message_type", vo.messageType(), "CRITICAL");
    if (n.getStatus() != AlertStatus.FIRING) {
      messageType = "RECOVERY";
    } else if (!FIRING_TYPES.contains(messageType)) {
      messageType = "CRITICAL";
    }
    // Go encodes a map with its keys sorted.
    Map<String, String> fields = new TreeMap<>();
    fields.put("message_type", messageType);
    fields.put("entity_id", GroupKeyHash.of(n.getGroupKey()));
    fields.put(
        "entity_display_name",
        r.field(
            "entity_display_name",
            vo.entityDisplayName(),
            "{{ template \"victorops.default.entity_display_name\" . }}"));
    fields.put(
        "state_message",
        GoText.truncateInRunes(
            r.field(
                "state_message",
                vo.stateMessage(),
                "{{ template \"victorops.default.state_message\" . }}"),
            MAX_STATE_MESSAGE_RUNES));
    fields.put(
        "monitoring_tool",
        r.field(
            "monitoring_tool",
            vo.monitoringTool(),
            "{{ template \"victorops.default.monitoring_tool\" . }}"));
    vo.customFields().forEach((k, v) -> fields.put(k, r.field("custom_fields." + k, v, "")));
    ObjectNode body = JSON.createObjectNode();
    fields.forEach(body::put);
    return new Prepared(
        Outbound.HttpCall.post(
            url(vo.apiUrl(), vo.apiKey().value(), routingKey),
            Outbound.HttpCall.jsonHeaders(Map.of()),
            body.toString().getBytes(StandardCharsets.UTF_8),
            vo.http(),
            List.of(vo.apiKey()),
            CHECK),
        r.problems());
  }

  /** The API base (its path ends in {@code /}) with the key and routing key added to its path. */
  static URI url(URI base, String apiKey, String routingKey) throws Refusal {
    try {
      return new URI(
          base.getScheme(),
          base.getAuthority(),
          base.getPath() + apiKey + "/" + routingKey,
          base.getQuery(),
          null);
    } catch (URISyntaxException e) {
      throw new Refusal("the VictorOps URL cannot be made from the key and routing key");
    }
  }
}
