package io.alertstream.templates;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** A Go {@code time.Time} for templates: {@code .Format}, {@code .UTC}, {@code .Unix}, printing. */
public final class GoTime implements TemplateObject {

  private final ZonedDateTime time;

  public GoTime(Instant instant) {
    this(instant.atZone(ZoneOffset.UTC));
  }

  GoTime(ZonedDateTime time) {
    this.time = time;
  }

  public Instant instant() {
    return time.toInstant();
  }

  /** The time in its zone, for printing. */
  ZonedDateTime zoned() {
    return time;
  }

  GoTime in(ZoneId zone) {
    return new GoTime(time.withZoneSameInstant(zone));
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "UTC" -> in(ZoneOffset.UTC);
      case "Unix" -> time.toEpochSecond();
      case "UnixMilli" -> time.toInstant().toEpochMilli();
      case "Year" -> (long) time.getYear();
      case "Day" -> (long) time.getDayOfMonth();
      case "Hour" -> (long) time.getHour();
      case "Minute" -> (long) time.getMinute();
      case "Second" -> (long) time.getSecond();
      case "IsZero" -> time.toInstant().equals(Instant.parse("0001-01-01T00:00:00Z"));
      case "String" -> toString();
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args) throws TemplateException {
    if (method.equals("Format") && args.size() == 1 && args.get(0) instanceof String layout) {
      return format(layout);
    }
    if (method.equals("Sub") && args.size() == 1 && args.get(0) instanceof GoTime other) {
      return new GoDuration(Duration.between(other.time, time));
    }
    throw new TemplateException("wrong arguments for method " + method + " of time.Time");
  }

  @Override
  public String typeName() {
    return "time.Time";
  }

  /** Go's default: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
  @Override
  public String toString() {
    return format("2006-01-02 15:04:05.999999999 -0700 MST");
  }

  /** Formats with a Go reference layout ({@code Mon Jan 2 15:04:05 MST 2006}). */
  public String format(String layout) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < layout.length()) {
      String rest = layout.substring(i);
      String token = token(rest);
      if (token == null) {
        out.append(layout.charAt(i++));
        continue;
      }
      out.append(render(token));
      i += token.length();
    }
    return out.toString();
  }

  private static final String[] TOKENS = {
    "January",
    "Monday",
    "2006",
    "-07:00:00",
    "-07:00",
    "-0700",
    "Z07:00",
    "Z0700",
    "Jan",
    "Mon",
    "MST",
    "002",
    "_2",
    "01",
    "02",
    "03",
    "04",
    "05",
    "06",
    "15",
    "-07",
    "Z07",
    "PM",
    "pm",
    "1",
    "2",
    "3",
    "4",
    "5"
  };

  static String token(String rest) {
    if (rest.startsWith(".0")
        || rest.startsWith(".9")
        || rest.startsWith(",0")
        || rest.startsWith(",9")) {
      char digit = rest.charAt(1);
      int n = 1;
      while (n < rest.length() && rest.charAt(n) == digit) {
        n++;
      }
      if (n == rest.length() || !Character.isDigit(rest.charAt(n))) {
        return rest.substring(0, n);
      }
    }
    for (String t : TOKENS) {
      if (rest.startsWith(t)) {
        return t;
      }
    }
    return null;
  }

  private String render(String token) {
    if (token.length() > 1 && (token.charAt(0) == '.' || token.charAt(0) == ',')) {
      int digits = token.length() - 1;
      String nanos = String.format("%09d", time.getNano()).substring(0, Math.min(9, digits));
      if (token.charAt(1) == '9') {
        nanos = nanos.replaceAll("0+$", "");
        return nanos.isEmpty() ? "" : token.charAt(0) + nanos;
      }
      return token.charAt(0) + nanos;
    }
    int offset = time.getOffset().getTotalSeconds();
    String sign = offset < 0 ? "-" : "+";
    int abs = Math.abs(offset);
    String hh = String.format("%02d", abs / 3600);
    String mm = String.format("%02d", (abs / 60) % 60);
    return switch (token) {
      case "January" -> time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Jan" -> time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "Monday" -> time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Mon" -> time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "2006" -> String.format("%04d", time.getYear());
      case "06" -> String.format("%02d", time.getYear() % 100);
      case "01" -> String.format("%02d", time.getMonthValue());
      case "1" -> Integer.toString(time.getMonthValue());
      case "02" -> String.format("%02d", time.getDayOfMonth());
      case "_2" -> String.format("%2d", time.getDayOfMonth());
      case "2" -> Integer.toString(time.getDayOfMonth());
      case "002" -> String.format("%03d", time.getDayOfYear());
      case "15" -> String.format("%02d", time.getHour());
      case "03" -> String.format("%02d", hour12());
      case "3" -> Integer.toString(hour12());
      case "04" -> String.format("%02d", time.getMinute());
      case "4" -> Integer.toString(time.getMinute());
      case "05" -> String.format("%02d", time.getSecond());
      case "5" -> Integer.toString(time.getSecond());
      case "PM" -> time.getHour() < 12 ? "AM" : "PM";
      case "pm" -> time.getHour() < 12 ? "am" : "pm";
      case "MST" -> zoneAbbreviation();
      case "-0700" -> sign + hh + mm;
      case "-07:00" -> sign + hh + ":" + mm;
      case "-07" -> sign + hh;
      case "-07:00:00" -> sign + hh + ":" + mm + ":" + String.format("%02d", abs % 60);
      case "Z0700" -> offset == 0 ? "Z" : sign + hh + mm;
      case "Z07:00" -> offset == 0 ? "Z" : sign + hh + ":" + mm;
      case "Z07" -> offset == 0 ? "Z" : sign + hh;
      default -> token;
    };
  }

  private int hour12() {
    int h = time.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  private String zoneAbbreviation() {
    if (time.getZone().equals(ZoneOffset.UTC) || time.getZone().getId().equals("UTC")) {
      return "UTC";
    }
    if (time.getZone() instanceof ZoneOffset offset) {
      // Go's zone without a name (a parsed numeric offset) prints as -0700 does.
      int seconds = offset.getTotalSeconds();
      int minutes = Math.abs(seconds) / 60;
      return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", minutes / 60, minutes % 60);
    }
    String name = time.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    if (name.startsWith("GMT") || name.startsWith("UTC") || name.contains("/")) {
      int offset = time.getOffset().getTotalSeconds();
      return (offset < 0 ? "-" : "+") + String.format("%02d", Math.abs(offset) / 3600);
    }
    return java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(time);
  }
}
