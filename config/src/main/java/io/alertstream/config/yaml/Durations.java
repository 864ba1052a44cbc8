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

  /** A duration written as a setting's text ({@code 0}, {@code 30d}, {@code 5m}). */
  public static Duration parse(String text) throws InvalidConfigException {
    return parse(YamlNode.parse(text));
  }

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

  /** A duration as Prometheus writes one: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 4h}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long ms = d.toMillis();
    long[] units = {7L * 24 * 3_600_000, 24L * 3_600_000, 3_600_000, 60_000, 1_000, 1};
    String[] names = {"w", "d", "h", "m", "s", "ms"};
    for (int i = 0; i < units.length; i++) {
      if (ms >= units[i]) {
        out.append(ms / units[i]).append(names[i]);
        ms %= units[i];
      }
    }
    return out.toString();
  }
}
