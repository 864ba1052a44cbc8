package io.alertstream.connectors.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Classifies an HTTP answer as Alertmanager's notifiers do: 2xx ok, 429 and 5xx retried. */
public final class HttpOutcomes {

  private HttpOutcomes() {}

  public static AttemptResult classify(
      int status, Optional<String> retryAfterHeader, String bodyExcerpt, Clock clock) {
    if (status / 100 == 2) {
      return new AttemptResult.Delivered(status);
    }
    String reason = unexpected(status, bodyExcerpt);
    if (status == 429 || status / 100 == 5) {
      return new AttemptResult.Retry(
          reason, retryAfterHeader.flatMap(h -> retryAfter(h, clock)), status);
    }
    return new AttemptResult.Failed(reason, status);
  }

  /** The reason for an answer that is not a success: its status and the body's beginning. */
  public static String unexpected(int status, String bodyExcerpt) {
    return "unexpected status code " + status + excerpt(bodyExcerpt);
  }

  /** A Retry-After header: either delay-seconds or an HTTP date. */
  static Optional<Duration> retryAfter(String header, Clock clock) {
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
  }
}
