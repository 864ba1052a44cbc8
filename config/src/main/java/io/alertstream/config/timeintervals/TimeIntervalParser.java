package io.alertstream.config.timeintervals;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.timeintervals.TimeIntervalSpec.Range;
import io.alertstream.config.yaml.YamlNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code time_intervals} entries as Alertmanager's timeinterval package reads them. */
public final class TimeIntervalParser {

  private static final Pattern CLOCK = Pattern.compile("^(\\d{2}):(\\d{2})$");
  private static final List<String> WEEKDAYS =
      List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
  private static final List<String> MONTHS =
      List.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  private TimeIntervalParser() {}

  public static TimeInterval parse(YamlNode node) throws InvalidConfigException {
    return parse(node, "time interval");
  }

  /**
   * @param kind {@code time interval} or, for the deprecated section, {@code mute time interval}
   */
  public static TimeInterval parse(YamlNode node, String kind) throws InvalidConfigException {
    node.allowOnly("name", "time_intervals");
    String name = node.string("name", "");
    if (name.isEmpty()) {
      throw node.error("missing name in " + kind);
    }
    List<TimeIntervalSpec> specs = new ArrayList<>();
    for (YamlNode spec : node.get("time_intervals").items()) {
      specs.add(spec(spec));
    }
    return new TimeInterval(name, specs);
  }

  private static TimeIntervalSpec spec(YamlNode node) throws InvalidConfigException {
    node.allowOnly("times", "weekdays", "days_of_month", "months", "years", "location");
    List<Range> times = new ArrayList<>();
    for (YamlNode t : node.get("times").items()) {
      t.allowOnly("start_time", "end_time");
      if (t.get("start_time").isAbsent() || t.get("end_time").isAbsent()) {
        throw t.error("both start and end times must be provided");
      }
      int start = minutes(t.get("start_time"));
      int end = minutes(t.get("end_time"));
      if (start >= end) {
        throw t.error("start time cannot be equal or greater than end time");
      }
      times.add(new Range(start, end));
    }
    List<Range> weekdays = new ArrayList<>();
    for (YamlNode item : node.get("weekdays").items()) {
      Range r = range(item, text -> named(text, WEEKDAYS, 0, "weekday"));
      if (r.start() > r.end()) {
        throw item.error("start day cannot be before end day");
      }
      weekdays.add(r);
    }
    List<Range> days = new ArrayList<>();
    for (YamlNode item : node.get("days_of_month").items()) {
      Range r = range(item, TimeIntervalParser::dayOfMonth);
      if (Integer.signum(r.start()) == Integer.signum(r.end()) && r.start() > r.end()) {
        throw item.error("end day " + r.end() + " is always before start day " + r.start());
      }
      days.add(r);
    }
    List<Range> months = new ArrayList<>();
    for (YamlNode item : node.get("months").items()) {
      Range r = range(item, TimeIntervalParser::month);
      if (r.start() > r.end()) {
        throw item.error(
            "end month "
                + MONTHS.get(r.end() - 1)
                + " is before start month "
                + MONTHS.get(r.start() - 1));
      }
      months.add(r);
    }
    List<Range> years = new ArrayList<>();
    for (YamlNode item : node.get("years").items()) {
      Range r = range(item, TimeIntervalParser::year);
      if (r.start() > r.end()) {
        throw item.error("end year " + r.end() + " is before start year " + r.start());
      }
      years.add(r);
    }
    return new TimeIntervalSpec(
        times, weekdays, days, months, years, location(node.get("location")));
  }

  private interface Element {
    int parse(String text);
  }

  /** {@code a} or {@code a:b}, each end read by {@code element}. */
  private static Range range(YamlNode item, Element element) throws InvalidConfigException {
    String text = item.text("").trim();
    String[] parts = text.split(":", -1);
    if (parts.length > 2 || text.isEmpty()) {
      throw item.error("couldn't parse range " + text + ", invalid format");
    }
    try {
      int start = element.parse(parts[0].toLowerCase(Locale.ROOT));
      int end = parts.length == 2 ? element.parse(parts[1].toLowerCase(Locale.ROOT)) : start;
      return new Range(start, end);
    } catch (IllegalArgumentException e) {
      throw item.error(e.getMessage());
    }
  }

  private static int minutes(YamlNode node) throws InvalidConfigException {
    String text = node.text("");
    Matcher m = CLOCK.matcher(text);
    if (!m.matches()) {
      throw node.error("couldn't parse timestamp " + text + ", invalid format");
    }
    int hours = Integer.parseInt(m.group(1));
    int minutes = Integer.parseInt(m.group(2));
    if (hours > 24 || minutes > 59 || (hours == 24 && minutes > 0)) {
      throw node.error("couldn't parse timestamp " + text + ", invalid format");
    }
    return hours * 60 + minutes;
  }

  private static int named(String text, List<String> names, int first, String what) {
    int i = names.indexOf(text);
    if (i < 0) {
      throw new IllegalArgumentException(text + " is not a valid " + what);
    }
    return i + first;
  }

  /** A month name, or a number (which Alertmanager 0.25 does not range-check). */
  private static int month(String text) {
    if (MONTHS.contains(text)) {
      return MONTHS.indexOf(text) + 1;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(text + " is not a valid month");
    }
  }

  private static int dayOfMonth(String text) {
    int n = atoi(text);
    if (n == 0 || n < -31 || n > 31) {
      throw new IllegalArgumentException(n + " is not a valid day of the month: out of range");
    }
    return n;
  }

  private static int year(String text) {
    return atoi(text);
  }

  private static int atoi(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("strconv.Atoi: parsing \"" + text + "\": invalid syntax");
    }
  }

  private static ZoneId location(YamlNode node) throws InvalidConfigException {
    String text = node.text("UTC");
    if (text.isEmpty() || text.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    if (text.equals("Local")) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw node.error("unknown time zone " + text);
    }
  }
}
