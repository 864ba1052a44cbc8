package io.alertstream.connectors.jira;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.jira.JiraConfig;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.GoText;
import io.alertstream.connectors.rendering.GroupKeyHash;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.connectors.rendering.TemplatedValues;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Jira issue per alert group, as Alertmanager keeps it: an exchange that searches the group's
 * issue by its {@code ALERT{hash}} label, creates one while firing or updates the one found, and
 * moves it through the reopen or resolve transition.
 */
public final class JiraNotifier implements Notifier<JiraConfig> {

  /** Alertmanager cuts summaries longer than this many characters (Jira's limit). */
  static final int MAX_SUMMARY_RUNES = 255;

  /** Alertmanager cuts descriptions longer than this many characters. */
  static final int MAX_DESCRIPTION_RUNES = 32767;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String type() {
    return "jira";
  }

  @Override
  public Class<JiraConfig> settingsType() {
    return JiraConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, JiraConfig settings, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    JiraApi api = new JiraApi(settings);
    String alertLabel = "ALERT{" + GroupKeyHash.of(n.getGroupKey()) + "}";
    boolean firing = n.getAlerts().stream().anyMatch(a -> a.getStatus() == AlertStatus.FIRING);

    String project = r.field("project", settings.project(), "");
    Map<String, Object> fields = new TreeMap<>();
    String summary =
        GoText.truncateInRunes(
            r.field("summary", settings.summary().template(), template("jira.default.summary")),
            MAX_SUMMARY_RUNES);
    fields.put("summary", summary);
    Optional<String> descriptionProblem = description(r, settings, api.documentFormat(), fields);
    fields.put("issuetype", Map.of("name", r.field("issue_type", settings.issueType(), "")));
    List<String> labels = new ArrayList<>();
    for (String label : settings.labels()) {
      labels.add(r.field("labels", label, ""));
    }
    labels.add(alertLabel);
    labels.sort(null);
    fields.put("labels", labels);
    String priority = r.field("priority", settings.priority(), template("jira.default.priority"));
    if (!priority.isEmpty()) {
      fields.put("priority", Map.of("name", priority));
    }
    fields.put("project", Map.of("key", project));
    fields.putAll(TemplatedValues.render(settings.fields(), r));

    Map<String, Object> updated = new TreeMap<>(fields);
    if (!settings.summary().enableUpdate()) {
      updated.remove("summary");
    }
    if (!settings.description().enableUpdate()) {
      updated.remove("description");
    }

    Map<String, Object> search = new LinkedHashMap<>();
    search.put("fields", List.of("status"));
    search.put(
        "jql",
        JiraSearch.jql(
            project,
            alertLabel,
            firing,
            settings.reopenTransition(),
            settings.reopenDuration(),
            settings.wontFixResolution()));
    search.put("maxResults", 2);

    JiraConversation conversation =
        new JiraConversation(
            api,
            api.call("POST", api.searchUrl(), json(search)),
            firing,
            json(Map.of("fields", fields)),
            json(Map.of("fields", updated)),
            descriptionProblem,
            settings.reopenTransition(),
            settings.resolveTransition());
    return new Prepared(new Outbound.Exchange(conversation.search(), conversation), r.problems());
  }

  /**
   * Puts the rendered description: text for API v2, the JSON it must be for v3; left out when
   * empty.
   *
   * @return why the description cannot be sent, if it cannot
   */
  private static Optional<String> description(
      FieldRendering r, JiraConfig settings, boolean documentFormat, Map<String, Object> fields) {
    String text =
        GoText.truncateInRunes(
            r.field(
                "description",
                settings.description().template(),
                template("jira.default.description")),
            MAX_DESCRIPTION_RUNES);
    if (!documentFormat) {
      if (!text.isEmpty()) {
        fields.put("description", text);
      }
      return Optional.empty();
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode document =
          JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(trimmed);
      if (document == null || document.isMissingNode()) {
        return Optional.of("description template: invalid JSON for API v3");
      }
      fields.put("description", document);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("description template: invalid JSON for API v3");
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("maps of strings, lists and JSON always encode", e);
    }
  }

  private static String template(String name) {
    return "{{ template \"" + name + "\" . }}";
  }

  static ObjectNode transition(String id) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("transition").put("id", id);
    return body;
  }
}
