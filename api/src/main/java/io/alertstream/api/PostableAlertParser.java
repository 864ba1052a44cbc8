package io.alertstream.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.config.matchers.LabelNames;
import io.alertstream.schemas.AlertEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of {@code POST /api/v2/alerts} (a JSON array of Alertmanager postable alerts) and
 * validates each alert as Alertmanager does, keeping the valid ones and naming what is wrong with
 * the others.
 */
public final class PostableAlertParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The valid alerts, and one message per invalid alert. */
  public record Result(List<AlertEvent> alerts, List<String> problems) {}

  /** Thrown when the body as a whole is not a JSON array of objects. */
  public static final class MalformedBodyException extends Exception {
    MalformedBodyException(String message) {
      super(message);
    }
  }

  public Result parse(byte[] body, Instant receivedAt) throws MalformedBodyException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedBodyException("body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new MalformedBodyException("body could not be read: " + e.getMessage());
    }
    if (root == null || !root.isArray()) {
      throw new MalformedBodyException("body must be a JSON array of alerts");
    }
    List<AlertEvent> alerts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      try {
        alerts.add(alert(root.get(i), receivedAt));
      } catch (InvalidAlertException e) {
        problems.add("alert " + i + ": " + e.getMessage());
      }
    }
    return new Result(alerts, problems);
  }

  private static final class InvalidAlertException extends Exception {
    InvalidAlertException(String message) {
      super(message);
    }
  }

  private static AlertEvent alert(JsonNode node, Instant receivedAt) throws InvalidAlertException {
    if (!node.isObject()) {
      throw new InvalidAlertException("must be a JSON object");
    }
    Map<String, String> labels = stringMap(node.path("labels"), "labels");
    labels.values().removeIf(String::isEmpty);
    if (labels.isEmpty()) {
      throw new InvalidAlertException("at least one label pair required");
    }
    Map<String, String> annotations = stringMap(node.path("annotations"), "annotations");
    Instant startsAt = time(node.path("startsAt"), "startsAt");
    Instant endsAt = time(node.path("endsAt"), "endsAt");
    if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
      throw new InvalidAlertException("start time must be before end time");
    }
    JsonNode generator = node.path("generatorURL");
    return AlertEvent.newBuilder()
        .setLabels(labels)
        .setAnnotations(annotations)
        .setStartsAt(startsAt)
        .setEndsAt(endsAt)
        .setGeneratorURL(
            generator.isTextual() && !generator.asText().isEmpty() ? generator.asText() : null)
        .setReceivedAt(receivedAt)
        .build();
  }

  private static Map<String, String> stringMap(JsonNode node, String field)
      throws InvalidAlertException {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new InvalidAlertException(field + " must be an object of strings");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!LabelNames.isValid(e.getKey())) {
        throw new InvalidAlertException("invalid " + field + " name \"" + e.getKey() + "\"");
      }
      if (!e.getValue().isTextual()) {
        throw new InvalidAlertException(field + "." + e.getKey() + " must be a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static Instant time(JsonNode node, String field) throws InvalidAlertException {
    if (node.isMissingNode() || node.isNull() || node.asText().isEmpty()) {
      return null;
    }
    try {
      Instant t = OffsetDateTime.parse(node.asText()).toInstant();
      // Go's zero time, which Prometheus may send, means "not set".
      return t.getEpochSecond() <= -62135596800L ? null : t;
    } catch (DateTimeParseException e) {
      throw new InvalidAlertException(
          field + " is not an RFC 3339 time: \"" + node.asText() + "\"");
    }
  }
}
