package io.alertstream.config.yaml;

import io.alertstream.config.InvalidConfigException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code time.ParseDuration}, as Alertmanager reads its {@code time.Duration} settings (the
 * {@code timeout} of webhook, Slack, PagerDuty and incident.io configs; Pushover's retry, expire
 * and ttl), not Prometheus' syntax: a signed sequence of decimal numbers with units ns, us (µs),
 * ms, s, m, h, e.g. {@code 1m30s} or {@code 1.5h}; {@code 0} alone needs no unit. Errors are Go's.
 */
public final class GoDurations {

  private static final Pattern PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)([^0-9.]*)");
  private static final Map<String, Long> NANOS_PER_UNIT =
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

  /** The duration at {@code node}; {@code fallback} when absent. */
  public static Duration parse(YamlNode node, Duration fallback) throws InvalidConfigException {
    return node.isAbsent() ? fallback : parse(node);
  }

  /** The duration at {@code node}. */
  public static Duration parse(YamlNode node) throws InvalidConfigException {
    String text = node.text("");
    String quoted = "\"" + text + "\"";
    String rest = text;
    boolean negative = false;
    if (rest.startsWith("-") || rest.startsWith("+")) {
      negative = rest.startsWith("-");
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    if (rest.isEmpty()) {
      throw node.error("time: invalid duration " + quoted);
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher m = PART.matcher(rest);
    int at = 0;
    while (at < rest.length()) {
      if (!m.find(at) || m.start() != at || m.end() == at) {
        throw node.error("time: invalid duration " + quoted);
      }
      String number = m.group(1);
      String unit = m.group(2);
      if (number.isEmpty() || number.equals(".")) {
        throw node.error("time: invalid duration " + quoted);
      }
      if (unit.isEmpty()) {
        throw node.error("time: missing unit in duration " + quoted);
      }
      Long perUnit = NANOS_PER_UNIT.get(unit);
      if (perUnit == null) {
        throw node.error("time: unknown unit \"" + unit + "\" in duration " + quoted);
      }
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(perUnit)));
      at = m.end();
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw node.error("time: invalid duration " + quoted);
    }
    Duration d = Duration.ofNanos(nanos.longValue());
    return negative ? d.negated() : d;
  }
}
