package io.alertstream.topology.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * A connector's report on one notification, as it arrives on {@code alertstream-delivery-outcomes}:
 * {@code {"notificationId", "outcome", "reason", "at", "attempts"}}.
 */
public record DeliveryReport(
    String notificationId, String outcome, String reason, long at, int attempts) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The report, or empty if the text is not one. */
  public static Optional<DeliveryReport> parse(String json) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(json);
      String id = node.path("notificationId").asText("");
      String outcome = node.path("outcome").asText("");
      if (id.isEmpty() || outcome.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new DeliveryReport(
              id,
              outcome,
              node.path("reason").asText(""),
              node.path("at").asLong(0),
              node.path("attempts").asInt(0)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
