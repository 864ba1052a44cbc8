package io.alertstream.templates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Go's {@code time.ParseInLocation(layout, value, time.UTC)}, for {@code toDate} and {@code
 * mustToDate}: the layout's elements (those {@link GoTime#format} writes) read back, with Go's
 * error messages ({@code parsing time "x" as "2006-01-02": cannot parse "x" as "2006"}).
 */
final class GoTimeParser {

  private static final List<String> MONTHS =
      List.of(
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December");
  private static final List<String> DAYS =
      List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday");

  /** A failed parse: Go's {@code *time.ParseError} message. */
  private static final class Bad extends Exception {
    Bad() {
      super(null, null, false, false);
    }
  }

  private final String layout;
  private final String value;
  private int year;
  private int month = -1;
  private int day = -1;
  private int yearDay = -1;
  private int hour;
  private int minute;
  private int second;
  private int nanos;
  private boolean pm;
  private boolean am;
  private ZoneId zone;
  private String range;

  private GoTimeParser(String layout, String value) {
    this.layout = layout;
    this.value = value;
  }

  static GoTime parse(String layout, String value) throws TemplateException {
    return new GoTimeParser(layout, value).run();
  }

  private GoTime run() throws TemplateException {
    String rest = value;
    int i = 0;
    while (true) {
      int start = i;
      String token = null;
      while (i < layout.length() && (token = GoTime.token(layout.substring(i))) == null) {
        i++;
      }
      String prefix = layout.substring(start, i);
      String skipped = skip(rest, prefix);
      if (skipped == null) {
        throw cannotParse(skipRest, prefix);
      }
      rest = skipped;
      if (token == null) {
        if (!rest.isEmpty()) {
          throw failure(": extra text: " + quote(rest));
        }
        break;
      }
      i += token.length();
      String hold = rest;
      try {
        rest = element(token, rest, layout.substring(i));
      } catch (Bad e) {
        throw cannotParse(hold, token);
      }
      if (range != null) {
        throw failure(": " + range + " out of range");
      }
    }
    if (pm && hour < 12) {
      hour += 12;
    } else if (am && hour == 12) {
      hour = 0;
    }
    if (yearDay >= 0) {
      if (yearDay < 1 || yearDay > (LocalDate.of(year, 1, 1).isLeapYear() ? 366 : 365)) {
        throw failure(": day-of-year out of range");
      }
      LocalDate date = LocalDate.ofYearDay(year, yearDay);
      if (month >= 0 && month != date.getMonthValue() || day >= 0 && day != date.getDayOfMonth()) {
        throw failure(": day-of-year does not match month or day");
      }
      month = date.getMonthValue();
      day = date.getDayOfMonth();
    } else {
      month = month < 0 ? 1 : month;
      day = day < 0 ? 1 : day;
    }
    if (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      throw failure(": day out of range");
    }
    ZonedDateTime utc =
        ZonedDateTime.of(year, month, day, 0, 0, 0, nanos, ZoneOffset.UTC)
            .plusHours(hour)
            .plusMinutes(minute)
            .plusSeconds(second);
    if (zone == null || zone.equals(ZoneOffset.UTC)) {
      return new GoTime(utc);
    }
    return new GoTime(utc.withZoneSameLocal(zone));
  }

  /** The part of the value left where skipping the layout's text failed. */
  private String skipRest;

  /** Go's skip: the layout's literal text, a space matching any run of spaces. */
  private String skip(String v, String prefix) {
    int p = 0;
    int q = 0;
    while (p < prefix.length()) {
      if (prefix.charAt(p) == ' ') {
        if (q < v.length() && v.charAt(q) != ' ') {
          skipRest = v.substring(q);
          return null;
        }
        while (p < prefix.length() && prefix.charAt(p) == ' ') {
          p++;
        }
        while (q < v.length() && v.charAt(q) == ' ') {
          q++;
        }
        continue;
      }
      if (q >= v.length() || v.charAt(q) != prefix.charAt(p)) {
        skipRest = v.substring(q);
        return null;
      }
      p++;
      q++;
    }
    return v.substring(q);
  }

  /** Reads one layout element from the value; returns what is left of the value. */
  private String element(String token, String v, String layoutRest) throws Bad {
    switch (token) {
      case "2006" -> {
        if (v.length() < 4 || !digit(v, 0)) {
          throw new Bad();
        }
        year = atoi(v.substring(0, 4));
        return v.substring(4);
      }
      case "06" -> {
        if (v.length() < 2) {
          throw new Bad();
        }
        year = atoi(v.substring(0, 2));
        year += year >= 69 ? 1900 : 2000;
        return v.substring(2);
      }
      case "January", "Jan" -> {
        int[] found = lookup(MONTHS, v, token.length() == 3);
        month = found[0] + 1;
        return v.substring(found[1]);
      }
      case "Monday", "Mon" -> {
        int[] found = lookup(DAYS, v, token.length() == 3);
        return v.substring(found[1]);
      }
      case "01", "1" -> {
        int[] n = number(v, token.length() == 2);
        month = n[0];
        if (month <= 0 || month > 12) {
          range = "month";
        }
        return v.substring(n[1]);
      }
      case "02", "2", "_2" -> {
        String w = token.equals("_2") && v.startsWith(" ") ? v.substring(1) : v;
        int[] n = number(w, token.equals("02"));
        day = n[0];
        return w.substring(n[1]);
      }
      case "002" -> {
        if (v.length() < 3 || !digit(v, 0) || !digit(v, 1) || !digit(v, 2)) {
          throw new Bad();
        }
        yearDay = atoi(v.substring(0, 3));
        return v.substring(3);
      }
      case "15" -> {
        int[] n = number(v, false);
        hour = n[0];
        if (hour >= 24) {
          range = "hour";
        }
        return v.substring(n[1]);
      }
      case "03", "3" -> {
        int[] n = number(v, token.length() == 2);
        hour = n[0];
        if (hour > 12) {
          range = "hour";
        }
        return v.substring(n[1]);
      }
      case "04", "4" -> {
        int[] n = number(v, token.length() == 2);
        minute = n[0];
        if (minute >= 60) {
          range = "minute";
        }
        return v.substring(n[1]);
      }
      case "05", "5" -> {
        int[] n = number(v, token.length() == 2);
        second = n[0];
        if (second >= 60) {
          range = "second";
          return v.substring(n[1]);
        }
        String w = v.substring(n[1]);
        // A fraction the layout does not mention is read anyway, unless a fraction element follows.
        if (w.length() >= 2 && (w.charAt(0) == '.' || w.charAt(0) == ',') && digit(w, 1)) {
          String next = firstToken(layoutRest);
          if (next != null && (next.startsWith(".") || next.startsWith(","))) {
            return w;
          }
          int end = 2;
          while (end < w.length() && digit(w, end)) {
            end++;
          }
          nanos = fraction(w, end);
          return w.substring(end);
        }
        return w;
      }
      case "PM", "pm" -> {
        if (v.length() < 2) {
          throw new Bad();
        }
        String p = v.substring(0, 2);
        if (p.equals(token.equals("PM") ? "PM" : "pm")) {
          pm = true;
        } else if (p.equals(token.equals("PM") ? "AM" : "am")) {
          am = true;
        } else {
          throw new Bad();
        }
        return v.substring(2);
      }
      case "MST" -> {
        if (v.startsWith("UTC")) {
          zone = ZoneOffset.UTC;
          return v.substring(3);
        }
        int n = zoneName(v);
        // Go keeps an unknown abbreviation as a zone of that name at offset zero.
        zone = ZoneOffset.UTC;
        return v.substring(n);
      }
      default -> {
        if (token.startsWith("Z") || token.startsWith("-")) {
          return offset(token, v);
        }
        if (token.charAt(0) == '.' || token.charAt(0) == ',') {
          return layoutFraction(token, v);
        }
        throw new Bad();
      }
    }
  }

  private String offset(String token, String v) throws Bad {
    if (token.startsWith("Z") && v.startsWith("Z")) {
      zone = ZoneOffset.UTC;
      return v.substring(1);
    }
    String shape = token.startsWith("Z") ? "-" + token.substring(1) : token;
    String sign;
    String hh;
    String mm = "00";
    String ss = "00";
    int used;
    switch (shape) {
      case "-07:00" -> {
        if (v.length() < 6 || v.charAt(3) != ':') {
          throw new Bad();
        }
        mm = v.substring(4, 6);
        used = 6;
      }
      case "-07" -> {
        if (v.length() < 3) {
          throw new Bad();
        }
        used = 3;
      }
      case "-07:00:00" -> {
        if (v.length() < 9 || v.charAt(3) != ':' || v.charAt(6) != ':') {
          throw new Bad();
        }
        mm = v.substring(4, 6);
        ss = v.substring(7, 9);
        used = 9;
      }
      case "-070000" -> {
        if (v.length() < 7) {
          throw new Bad();
        }
        mm = v.substring(3, 5);
        ss = v.substring(5, 7);
        used = 7;
      }
      default -> {
        if (v.length() < 5) {
          throw new Bad();
        }
        mm = v.substring(3, 5);
        used = 5;
      }
    }
    sign = v.substring(0, 1);
    hh = v.substring(1, 3);
    int h = number(hh, true)[0];
    int m = number(mm, true)[0];
    int s = number(ss, true)[0];
    if (h > 24) {
      range = "time zone offset hour";
    }
    if (m > 60) {
      range = "time zone offset minute";
    }
    if (s > 60) {
      range = "time zone offset second";
    }
    int seconds = (h * 60 + m) * 60 + s;
    if (sign.equals("-")) {
      seconds = -seconds;
    } else if (!sign.equals("+")) {
      throw new Bad();
    }
    try {
      zone = ZoneOffset.ofTotalSeconds(seconds);
    } catch (DateTimeException e) {
      range = "time zone offset hour";
    }
    return v.substring(used);
  }

  /**
   * A fraction element of the layout: {@code .000} needs its digits, {@code .999} may be absent.
   */
  private String layoutFraction(String token, String v) throws Bad {
    if (token.charAt(1) == '0') {
      int digits = token.length();
      if (v.length() < digits) {
        throw new Bad();
      }
      nanos = fraction(v, digits);
      return v.substring(digits);
    }
    if (v.length() < 2 || (v.charAt(0) != '.' && v.charAt(0) != ',') || !digit(v, 1)) {
      return v;
    }
    int end = 1;
    while (end < v.length() && digit(v, end)) {
      end++;
    }
    nanos = fraction(v, end);
    return v.substring(end);
  }

  /** Go's parseNanoseconds of value[0:end], a separator then digits. */
  private int fraction(String v, int end) throws Bad {
    char sep = v.charAt(0);
    if (sep != '.' && sep != ',') {
      throw new Bad();
    }
    String digits = v.substring(1, end);
    if (digits.length() > 10) {
      digits = digits.substring(0, 10);
    }
    long n = 0;
    for (int i = 0; i < digits.length(); i++) {
      if (!digit(digits, i)) {
        throw new Bad();
      }
      n = n * 10 + (digits.charAt(i) - '0');
    }
    for (int i = digits.length(); i < 9; i++) {
      n *= 10;
    }
    if (digits.length() > 9) {
      n /= 10;
    }
    return (int) n;
  }

  private static String firstToken(String layoutRest) {
    for (int i = 0; i < layoutRest.length(); i++) {
      String t = GoTime.token(layoutRest.substring(i));
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /** Go's parseTimeZone: three to five upper-case letters (a few longer names), or GMT+h. */
  private static int zoneName(String v) throws Bad {
    if (v.length() < 3) {
      throw new Bad();
    }
    if (v.startsWith("ChST") || v.startsWith("MeST")) {
      return 4;
    }
    if (v.startsWith("GMT")) {
      int n = 3;
      if (n < v.length() && (v.charAt(n) == '+' || v.charAt(n) == '-')) {
        int m = n + 1;
        while (m < v.length() && digit(v, m)) {
          m++;
        }
        n = m > n + 1 ? m : 3;
      }
      return n;
    }
    if (v.charAt(0) == '+' || v.charAt(0) == '-') {
      int m = 1;
      while (m < v.length() && digit(v, m)) {
        m++;
      }
      if (m == 3 || m == 5) {
        return m;
      }
      throw new Bad();
    }
    int n = 0;
    while (n < v.length() && n < 6 && v.charAt(n) >= 'A' && v.charAt(n) <= 'Z') {
      n++;
    }
    if (n < 3 || n == 6) {
      throw new Bad();
    }
    if (n == 4 && v.charAt(3) != 'T') {
      throw new Bad();
    }
    if (n == 5 && v.charAt(4) != 'T') {
      throw new Bad();
    }
    return n;
  }

  /** Go's lookup: the first name (or its first three letters) the value starts with, any case. */
  private static int[] lookup(List<String> names, String v, boolean shortNames) throws Bad {
    for (int i = 0; i < names.size(); i++) {
      String name = shortNames ? names.get(i).substring(0, 3) : names.get(i);
      if (v.length() >= name.length()
          && v.substring(0, name.length())
              .toLowerCase(Locale.ROOT)
              .equals(name.toLowerCase(Locale.ROOT))) {
        return new int[] {i, name.length()};
      }
    }
    throw new Bad();
  }

  /** Go's getnum: one or two digits; exactly two when {@code fixed}. Returns value and length. */
  private static int[] number(String v, boolean fixed) throws Bad {
    if (!digit(v, 0)) {
      throw new Bad();
    }
    if (!digit(v, 1)) {
      if (fixed) {
        throw new Bad();
      }
      return new int[] {v.charAt(0) - '0', 1};
    }
    return new int[] {(v.charAt(0) - '0') * 10 + (v.charAt(1) - '0'), 2};
  }

  /** Go's atoi on a fixed-width field: an optional sign, then digits only. */
  private static int atoi(String s) throws Bad {
    int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    if (i == s.length()) {
      throw new Bad();
    }
    for (int j = i; j < s.length(); j++) {
      if (!digit(s, j)) {
        throw new Bad();
      }
    }
    int n = Integer.parseInt(s.substring(i));
    return s.startsWith("-") ? -n : n;
  }

  private static boolean digit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  private TemplateException cannotParse(String valueElement, String layoutElement) {
    return new TemplateException(
        "parsing time "
            + quote(value)
            + " as "
            + quote(layout)
            + ": cannot parse "
            + quote(valueElement)
            + " as "
            + quote(layoutElement));
  }

  private TemplateException failure(String message) {
    return new TemplateException("parsing time " + quote(value) + message);
  }

  /** Go's time.quote: double quotes, \ and " escaped, other than printable ASCII as \x bytes. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              if (c < ' ' || c >= 0x80) {
                byte[] bytes =
                    new String(Character.toChars(Character.isSurrogate((char) c) ? 0xfffd : c))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                for (byte b : bytes) {
                  out.append("\\x").append(String.format("%02x", b & 0xff));
                }
              } else {
                if (c == '"' || c == '\\') {
                  out.append('\\');
                }
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }
}
