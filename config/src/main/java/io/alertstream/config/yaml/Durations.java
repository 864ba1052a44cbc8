package io.alertstream.config.yaml;

import io.alertstream.config.InvalidConfigException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus duration strings: units y w d h m s ms, largest first, each at most once, e.g. {@code
 * 1d2h30m} or {@code 500ms}; {@code 0} alone is zero.
 */
public final class Durations {

  private static final Pattern FORMAT =
      Pattern.compile(
          "^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");
  private static final Duration[] UNITS = {
    Duration.ofDays(365),
    Duration.ofDays(7),
    Duration.ofDays(1),
    Duration.ofHours(1),
    Duration.ofMinutes(1),
    Duration.ofSeconds(1),
    Duration.ofMillis(1)
  };

  private Durations() {}

  public static Duration parse(YamlNode node) throws InvalidConfigException {
    String text = node.text("");
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = FORMAT.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw node.error("not a valid duration string: \"" + text + "\"");
    }
    Duration total = Duration.ZERO;
    for (int i = 0; i < UNITS.length; i++) {
      if (m.group(i + 1) != null) {
        total = total.plus(UNITS[i].multipliedBy(Long.parseLong(m.group(i + 1))));
      }
    }
    return total;
  }
}
