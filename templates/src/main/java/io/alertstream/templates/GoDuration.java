package io.alertstream.templates;

import java.math.BigDecimal;
import java.time.Duration;

/** A Go {@code time.Duration}, printed as Go prints it: {@code 1h2m3.5s}, {@code 250ms}. */
public final class GoDuration implements TemplateObject {

  private final Duration duration;

  public GoDuration(Duration duration) {
    this.duration = duration;
  }

  /** Go's int64 value of the duration: nanoseconds. */
  long nanos() {
    return duration.toNanos();
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "Seconds" -> duration.toNanos() / 1e9;
      case "Minutes" -> duration.toNanos() / 6e10;
      case "Hours" -> duration.toNanos() / 3.6e12;
      case "Milliseconds" -> duration.toMillis();
      case "String" -> toString();
      default -> MISSING;
    };
  }

  @Override
  public String typeName() {
    return "time.Duration";
  }

  @Override
  public String toString() {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    long abs = Math.abs(nanos);
    if (abs < 1_000) {
      return sign + abs + "ns";
    }
    if (abs < 1_000_000) {
      return sign + decimal(abs, 1_000) + "µs";
    }
    if (abs < 1_000_000_000) {
      return sign + decimal(abs, 1_000_000) + "ms";
    }
    long hours = abs / 3_600_000_000_000L;
    long minutes = (abs / 60_000_000_000L) % 60;
    long secondsNanos = abs % 60_000_000_000L;
    StringBuilder out = new StringBuilder(sign);
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    out.append(decimal(secondsNanos, 1_000_000_000)).append('s');
    return out.toString();
  }

  private static String decimal(long value, long unit) {
    return new BigDecimal(value).divide(new BigDecimal(unit)).stripTrailingZeros().toPlainString();
  }
}
