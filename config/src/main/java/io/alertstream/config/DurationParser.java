package io.alertstream.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus duration strings: {@code 1d2h30m}, {@code 90s}, {@code 500ms}; units y w d h m s ms.
 */
final class DurationParser {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|y|w|d|h|m|s)");

  private DurationParser() {}

  static Duration parse(String field, JsonNode node, Duration fallback)
      throws InvalidConfigException {
    if (node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    return parse(field, node.asText());
  }

  static Duration parse(String field, String text) throws InvalidConfigException {
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      end = m.end();
      long n = Long.parseLong(m.group(1));
      total = total.plus(unit(m.group(2)).multipliedBy(n));
    }
    if (end == 0 || end != text.length()) {
      throw new InvalidConfigException(field, "not a valid duration string: \"" + text + "\"");
    }
    return total;
  }

  private static Duration unit(String unit) {
    return switch (unit) {
      case "y" -> Duration.ofDays(365);
      case "w" -> Duration.ofDays(7);
      case "d" -> Duration.ofDays(1);
      case "h" -> Duration.ofHours(1);
      case "m" -> Duration.ofMinutes(1);
      case "s" -> Duration.ofSeconds(1);
      default -> Duration.ofMillis(1);
    };
  }
}
