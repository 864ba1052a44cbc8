package io.alertstream.config.timeintervals;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One entry of a named time interval. Within a field any range may match; every field that is set
 * must match. Times are minutes of the day, start inclusive and end exclusive; the other ranges are
 * inclusive.
 */
public record TimeIntervalSpec(
    List<Range> times,
    List<Range> weekdays,
    List<Range> daysOfMonth,
    List<Range> months,
    List<Range> years,
    ZoneId location) {

  /** An inclusive range of integers (for times: [start, end) in minutes). */
  public record Range(int start, int end) {}

  public TimeIntervalSpec {
    times = List.copyOf(times);
    weekdays = List.copyOf(weekdays);
    daysOfMonth = List.copyOf(daysOfMonth);
    months = List.copyOf(months);
    years = List.copyOf(years);
  }

  public boolean contains(Instant instant) {
    ZonedDateTime t = instant.atZone(location);
    int minute = t.getHour() * 60 + t.getMinute();
    if (!times.isEmpty()
        && times.stream().noneMatch(r -> minute >= r.start() && minute < r.end())) {
      return false;
    }
    int weekday = t.getDayOfWeek().getValue() % 7; // Sunday = 0, as Go counts
    if (!in(weekdays, weekday)) {
      return false;
    }
    if (!daysOfMonth.isEmpty() && !dayOfMonthMatches(t)) {
      return false;
    }
    return in(months, t.getMonthValue()) && in(years, t.getYear());
  }

  private boolean dayOfMonthMatches(ZonedDateTime t) {
    int length = YearMonth.from(t).lengthOfMonth();
    int day = t.getDayOfMonth();
    for (Range r : daysOfMonth) {
      int start = r.start() < 0 ? length + 1 + r.start() : r.start();
      int end = r.end() < 0 ? length + 1 + r.end() : r.end();
      start = Math.max(1, start);
      end = Math.min(length, end);
      if (day >= start && day <= end) {
        return true;
      }
    }
    return false;
  }

  private static boolean in(List<Range> ranges, int value) {
    return ranges.isEmpty()
        || ranges.stream().anyMatch(r -> value >= r.start() && value <= r.end());
  }
}
