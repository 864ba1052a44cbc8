package io.alertstream.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertstream.config.matchers.LabelNames;
import io.alertstream.config.matchers.MatchType;
import io.alertstream.config.matchers.Matcher;
import io.alertstream.config.matchers.MatcherSyntaxException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A silence as {@code POST /api/v2/silences} takes it, validated as Alertmanager validates it.
 *
 * @param id empty to create; the id of an existing silence to update it
 * @param untilResolved Alertstream's optional {@code untilResolved}: the silence also ends once the
 *     alerts it matched have resolved; null when the body leaves it out (as Alertmanager's clients
 *     do), so that an update keeps what the silence had
 */
record PostableSilence(
    String id,
    List<Matcher> matchers,
    long startsAt,
    long endsAt,
    String createdBy,
    String comment,
    Boolean untilResolved) {

  static PostableSilence parse(byte[] body) throws BadRequestException {
    JsonNode root;
    try {
      root = ApiJson.JSON.readTree(body);
    } catch (IOException e) {
      throw new BadRequestException(
          "body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestException("body must be a JSON object (a silence)");
    }
    String createdBy = requiredText(root, "createdBy");
    String comment = requiredText(root, "comment");
    JsonNode matcherNodes = root.path("matchers");
    if (!matcherNodes.isArray() || matcherNodes.isEmpty()) {
      throw new BadRequestException("at least one matcher required");
    }
    List<Matcher> matchers = new ArrayList<>();
    for (JsonNode m : matcherNodes) {
      matchers.add(matcher(m));
    }
    if (matchers.stream().allMatch(Matcher::matchesEmpty)) {
      throw new BadRequestException("at least one matcher must not match the empty string");
    }
    long startsAt = time(root, "startsAt");
    long endsAt = time(root, "endsAt");
    if (endsAt <= startsAt) {
      throw new BadRequestException("Failed to create silence: start time must be before end time");
    }
    JsonNode untilResolved = root.path("untilResolved");
    if (!untilResolved.isMissingNode() && !untilResolved.isNull() && !untilResolved.isBoolean()) {
      throw new BadRequestException("untilResolved in body must be true or false");
    }
    return new PostableSilence(
        root.path("id").asText(""),
        matchers,
        startsAt,
        endsAt,
        createdBy,
        comment,
        untilResolved.isBoolean() ? untilResolved.booleanValue() : null);
  }

  private static Matcher matcher(JsonNode m) throws BadRequestException {
    String name = m.path("name").asText("");
    if (!LabelNames.isValid(name)) {
      throw new BadRequestException("invalid label name \"" + name + "\" in matcher");
    }
    if (!m.path("value").isTextual()) {
      throw new BadRequestException("matcher " + name + " has no value");
    }
    boolean regex = m.path("isRegex").asBoolean(false);
    boolean equal = m.path("isEqual").asBoolean(true);
    MatchType type =
        regex
            ? (equal ? MatchType.REGEXP : MatchType.NOT_REGEXP)
            : (equal ? MatchType.EQUAL : MatchType.NOT_EQUAL);
    try {
      return Matcher.checked(name, type, m.path("value").asText());
    } catch (MatcherSyntaxException e) {
      throw new BadRequestException(
          "invalid regular expression in matcher " + name + ": " + e.getMessage());
    }
  }

  private static String requiredText(JsonNode root, String field) throws BadRequestException {
    JsonNode node = root.path(field);
    if (!node.isTextual()) {
      throw new BadRequestException(field + " in body is required");
    }
    return node.asText();
  }

  private static long time(JsonNode root, String field) throws BadRequestException {
    String text = requiredText(root, field);
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field + " \"" + text + "\" is not an RFC 3339 time");
    }
  }
}
