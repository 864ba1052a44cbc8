package io.alertstream.config.yaml;

import io.alertstream.config.InvalidConfigException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's duration strings, as Alertmanager reads its {@code time.Duration} settings (the {@code
 * timeout} of webhook, Slack and PagerDuty configs): a sequence of decimal numbers, each with a
 * unit of ns, us (µs), ms, s, m or h, e.g. {@code 1m30s} or {@code 1.5s}; {@code 0} alone is zero.
 * Unlike Prometheus durations, there are no days, and fractions and any unit order are allowed.
 */
public final class GoDurations {

  private static final Pattern PART = Pattern.compile("(\\d*\\.?\\d*)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDurations() {}

  public static Duration parse(YamlNode node) throws InvalidConfigException {
    String text = node.text("");
    String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (body.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(body);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < body.length() && m.find(at) && m.start() == at) {
      String number = m.group(1);
      if (number.isEmpty() || number.equals(".")) {
        break;
      }
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
      at = m.end();
    }
    if (body.matches("\\d+(\\.\\d*)?")) {
      throw node.error("time: missing unit in duration \"" + text + "\"");
    }
    if (body.isEmpty() || at != body.length()) {
      throw node.error("time: invalid duration \"" + text + "\"");
    }
    Duration d = Duration.ofNanos(nanos.longValue());
    if (text.startsWith("-")) {
      d = d.negated();
    }
    return d;
  }
}
