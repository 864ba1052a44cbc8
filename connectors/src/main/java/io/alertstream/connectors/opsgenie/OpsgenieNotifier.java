package io.alertstream.connectors.opsgenie;

import static io.alertstream.connectors.rendering.JsonFields.putIfNotEmpty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.opsgenie.OpsgenieConfig;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.GoUrlValues;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An OpsGenie alert as Alertmanager makes it (Alert API v2): created while firing, under an alias
 * that is the SHA-256 of the group key, and closed by that alias once resolved. With {@code
 * update_alerts} a firing notification also sets the message and the description of the existing
 * alert: an exchange of three calls. The API key goes in a {@code GenieKey} Authorization header.
 */
public final class OpsgenieNotifier implements Notifier<OpsgenieConfig> {

  /** OpsGenie's limit for {@code message}, in runes. */
  static final int MAX_MESSAGE_RUNES = 130;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFAULT_MESSAGE = "{{ template \"opsgenie.default.message\" . }}";
  private static final String DEFAULT_DESCRIPTION =
      "{{ template \"opsgenie.default.description\" . }}";
  private static final String DEFAULT_SOURCE = "{{ template \"opsgenie.default.source\" . }}";

  /** Alertmanager retries 429 and 5xx answers from OpsGenie and fails the others. */
  static final Outbound.AnswerCheck CHECK = Outbound.AnswerCheck.retrying(429);

  @Override
  public String type() {
    return "opsgenie";
  }

  @Override
  public Class<OpsgenieConfig> settingsType() {
    return OpsgenieConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, OpsgenieConfig og, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    String alias = GroupKeyHash.of(n.getGroupKey());
    Secret key = r.secret("api_key", og.apiKey());
    // OpsGenie's own Authorization header replaces any the http_config sets, as in Alertmanager.
    HttpClientConfig http = og.http().withAuthorization(new Secret("GenieKey " + key.value()));
    List<Secret> secrets = List.of(key);
    String source = r.field("source", og.source(), DEFAULT_SOURCE);
    if (n.getStatus() != AlertStatus.FIRING) {
      ObjectNode close = JSON.createObjectNode();
      close.put("source", source);
      return new Prepared(
          call("POST", endpoint(og, "v2/alerts/" + alias + "/close", true), close, http, secrets),
          r.problems());
    }
    String message =
        GoText.truncateInRunes(
            r.field("message", og.message(), DEFAULT_MESSAGE), MAX_MESSAGE_RUNES);
    String description = r.field("description", og.description(), DEFAULT_DESCRIPTION);

    ObjectNode create = JSON.createObjectNode();
    create.put("alias", alias);
    create.put("message", message);
    putIfNotEmpty(create, "description", description);
    ObjectNode details = create.putObject("details");
    details(n, og, r).forEach(details::put);
    create.put("source", source);
    responders(create, og.responders(), r);
    list(create, "tags", r.field("tags", og.tags(), ""));
    putIfNotEmpty(create, "note", r.field("note", og.note(), ""));
    putIfNotEmpty(create, "priority", r.field("priority", og.priority(), ""));
    putIfNotEmpty(create, "entity", r.field("entity", og.entity(), ""));
    list(create, "actions", r.field("actions", og.actions(), ""));
    Outbound.HttpCall createCall =
        call("POST", endpoint(og, "v2/alerts", false), create, http, secrets);
    if (!og.updateAlerts()) {
      return new Prepared(createCall, r.problems());
    }
    ObjectNode newMessage = JSON.createObjectNode();
    putIfNotEmpty(newMessage, "message", message);
    ObjectNode newDescription = JSON.createObjectNode();
    putIfNotEmpty(newDescription, "description", description);
    List<Outbound.HttpCall> calls =
        List.of(
            createCall,
            call(
                "PUT",
                endpoint(og, "v2/alerts/" + alias + "/message", true),
                newMessage,
                http,
                secrets),
            call(
                "PUT",
                endpoint(og, "v2/alerts/" + alias + "/description", true),
                newDescription,
                http,
                secrets));
    return new Prepared(
        new Outbound.Exchange(createCall, caller -> inTurn(calls, caller)), r.problems());
  }

  /** Makes the calls one after the other; the first that does not succeed ends the exchange. */
  static AttemptResult inTurn(List<Outbound.HttpCall> calls, Outbound.Caller caller) {
    AttemptResult last = null;
    for (Outbound.HttpCall call : calls) {
      try {
        last = caller.outcome(call, caller.call(call));
      } catch (Outbound.NoAnswer e) {
        return e.result();
      }
      if (!(last instanceof AttemptResult.Delivered)) {
        return last;
      }
    }
    return last;
  }

  /** The common labels, overridden by the rendered {@code details}; sorted as Go sorts a map. */
  private static Map<String, String> details(Notification n, OpsgenieConfig og, FieldRendering r) {
    Map<String, String> details = new TreeMap<>(n.getCommonLabels());
    og.details().forEach((k, v) -> details.put(k, r.field("details." + k, v, "")));
    return details;
  }

  private static void responders(
      ObjectNode body, List<OpsgenieConfig.Responder> responders, FieldRendering r) {
    List<ObjectNode> out = new ArrayList<>();
    for (OpsgenieConfig.Responder configured : responders) {
      String id = r.field("responders.id", configured.id(), "");
      String name = r.field("responders.name", configured.name(), "");
      String username = r.field("responders.username", configured.username(), "");
      String type = r.field("responders.type", configured.type(), "");
      if (id.isEmpty() && name.isEmpty() && username.isEmpty() && type.isEmpty()) {
        continue; // filled from labels that this group does not have
      }
      if ("teams".equals(type)) {
        for (String team : safeSplit(name)) {
          out.add(responder("", r.field("responders.name", team, ""), "", "team"));
        }
        continue;
      }
      out.add(responder(id, name, username, type));
    }
    if (!out.isEmpty()) {
      body.putArray("responders").addAll(out);
    }
  }

  private static ObjectNode responder(String id, String name, String username, String type) {
    ObjectNode node = JSON.createObjectNode();
    putIfNotEmpty(node, "id", id);
    putIfNotEmpty(node, "name", name);
    putIfNotEmpty(node, "username", username);
    node.put("type", type);
    return node;
  }

  /** A comma-separated setting as a JSON list, left out when it has no item. */
  private static void list(ObjectNode body, String field, String commaSeparated) {
    List<String> items = safeSplit(commaSeparated);
    if (!items.isEmpty()) {
      ArrayNode array = body.putArray(field);
      items.forEach(array::add);
    }
  }

  /** The text trimmed and split at commas, empty items dropped (items are not trimmed). */
  static List<String> safeSplit(String text) {
    List<String> out = new ArrayList<>();
    for (String item : text.strip().split(",", -1)) {
      if (!item.isEmpty()) {
        out.add(item);
      }
    }
    return out;
  }

  /**
   * An endpoint under the API base (whose path ends in {@code /}), the base's query kept; calls on
   * an existing alert name it by alias.
   */
  static URI endpoint(OpsgenieConfig og, String path, boolean byAlias) {
    URI base = og.apiUrl();
    String query = base.getRawQuery() == null ? "" : base.getRawQuery();
    if (byAlias) {
      // As Go's q.Set then q.Encode: the base's parameters with identifierType set, sorted.
      Map<String, String> values = new TreeMap<>();
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        values.putIfAbsent(decode(name), decode(value));
      }
      values.put("identifierType", "alias");
      query = GoUrlValues.encode(values);
    }
    return URI.create(
        base.getScheme()
            + "://"
            + base.getRawAuthority()
            + base.getRawPath()
            + path
            + (query.isEmpty() ? "" : "?" + query));
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Outbound.HttpCall call(
      String method, URI url, ObjectNode body, HttpClientConfig http, List<Secret> secrets) {
    return new Outbound.HttpCall(
        method,
        url,
        Outbound.HttpCall.jsonHeaders(Map.of()),
        body.toString().getBytes(StandardCharsets.UTF_8),
        http,
        secrets,
        CHECK);
  }
}
