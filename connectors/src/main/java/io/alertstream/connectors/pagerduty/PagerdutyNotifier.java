package io.alertstream.connectors.pagerduty;

import static io.alertstream.connectors.rendering.JsonFields.putIfNotEmpty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.GlobalConfig;
import io.alertstream.config.receivers.PagerdutyConfig;
import io.alertstream.config.receivers.Secret;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A PagerDuty event as Alertmanager sends it: Events API v2 with a routing key (trigger while
 * firing, resolve once resolved), or v1 with a service key. The dedup key is the SHA-256 of the
 * group key, so PagerDuty folds repeats and resolves into one incident.
 */
public final class PagerdutyNotifier implements Notifier<PagerdutyConfig> {

  static final int MAX_SUMMARY_RUNES = 1024;
  static final URI V1_URL =
      URI.create("https://events.pagerduty.com/generic/2010-04-15/create_event.json");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFAULT_DESCRIPTION =
      "{{ template \"pagerduty.default.description\" .}}";
  private static final String DEFAULT_CLIENT = "{{ template \"pagerduty.default.client\" . }}";
  private static final String DEFAULT_CLIENT_URL =
      "{{ template \"pagerduty.default.clientURL\" . }}";

  @Override
  public String type() {
    return "pagerduty";
  }

  @Override
  public Class<PagerdutyConfig> settingsType() {
    return PagerdutyConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, PagerdutyConfig pd, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    boolean firing = n.getStatus() == AlertStatus.FIRING;
    String key = GroupKeyHash.of(n.getGroupKey());
    Map<String, String> f = pd.fields();
    String client = r.field("client", f.getOrDefault("client", DEFAULT_CLIENT), DEFAULT_CLIENT);
    String clientUrl =
        r.field("client_url", f.getOrDefault("client_url", DEFAULT_CLIENT_URL), DEFAULT_CLIENT_URL);
    String description =
        GoText.truncateInRunes(
            r.field(
                "description",
                f.getOrDefault("description", DEFAULT_DESCRIPTION),
                DEFAULT_DESCRIPTION),
            MAX_SUMMARY_RUNES);
    Map<String, String> details = r.fields("details", pd.details());

    ObjectNode body = JSON.createObjectNode();
    URI url;
    Secret secret;
    if (!pd.routingKey().isEmpty()) {
      secret = pd.routingKey();
      url = pd.url();
      body.put("routing_key", secret.value());
      body.put("dedup_key", key);
      body.put("event_action", firing ? "trigger" : "resolve");
      ObjectNode payload = body.putObject("payload");
      payload.put("summary", description);
      String source = f.containsKey("source") ? r.field("source", f.get("source"), "") : client;
      payload.put("source", source);
      payload.put("severity", r.field("severity", f.getOrDefault("severity", "error"), "error"));
      putIfNotEmpty(payload, "class", r.field("class", f.getOrDefault("class", ""), ""));
      putIfNotEmpty(
          payload, "component", r.field("component", f.getOrDefault("component", ""), ""));
      putIfNotEmpty(payload, "group", r.field("group", f.getOrDefault("group", ""), ""));
      ObjectNode custom = payload.putObject("custom_details");
      details.forEach(custom::put);
      putIfNotEmpty(body, "client", client);
      putIfNotEmpty(body, "client_url", clientUrl);
      links(body, "images", pd.images(), "src", r);
      links(body, "links", pd.links(), "href", r);
    } else {
      secret = pd.serviceKey();
      url = GlobalConfig.DEFAULT_PAGERDUTY_URL.equals(pd.url()) ? V1_URL : pd.url();
      body.put("service_key", secret.value());
      body.put("incident_key", key);
      body.put("event_type", firing ? "trigger" : "resolve");
      body.put("description", description);
      if (firing) {
        putIfNotEmpty(body, "client", client);
        putIfNotEmpty(body, "client_url", clientUrl);
      }
      ObjectNode custom = body.putObject("details");
      details.forEach(custom::put);
    }
    return new Prepared(
        Outbound.HttpCall.post(
            url,
            Outbound.HttpCall.jsonHeaders(Map.of()),
            body.toString().getBytes(StandardCharsets.UTF_8),
            pd.http(),
            List.of(secret),
            Outbound.AnswerCheck.NONE),
        r.problems());
  }

  /** Images and links, rendered; one whose {@code required} field renders empty is left out. */
  private static void links(
      ObjectNode body,
      String name,
      List<Map<String, String>> entries,
      String required,
      FieldRendering r) {
    ArrayNode out = null;
    for (Map<String, String> entry : entries) {
      ObjectNode item = JSON.createObjectNode();
      entry.forEach((k, v) -> item.put(k, r.field(name + "." + k, v, "")));
      if (item.path(required).asText().isEmpty()) {
        continue;
      }
      if (out == null) {
        out = body.putArray(name);
      }
      out.add(item);
    }
  }
}
