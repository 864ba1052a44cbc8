package io.alertstream.templates;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the Java values templates work with to the Go values they stand for in Alertmanager: Long is
 * int, Double float64, List a slice, KV template.KV, Alert template.Alert, the data *template.Data,
 * GoTime time.Time, and so on. Also the methods fmt calls: String() and GoString().
 */
final class GoShapes {

  /** Seconds from Go's zero time (January 1, year 1, UTC) to the Unix epoch. */
  private static final long UNIX_TO_GO_ZERO = 62_135_596_800L;

  private static final List<String> DATA_FIELDS =
      List.of(
          "Receiver",
          "Status",
          "Alerts",
          "GroupLabels",
          "CommonLabels",
          "CommonAnnotations",
          "ExternalURL");

  private static final List<String> ALERT_FIELDS =
      List.of(
          "Status", "Labels", "Annotations", "StartsAt", "EndsAt", "GeneratorURL", "Fingerprint");

  /** Stands for a null map value (Map.entry does not take null). */
  private static final GoShape NULL = new GoShape.Nil();

  private GoShapes() {}

  static GoShape of(Object v) {
    if (v instanceof GoShape shape) {
      return shape;
    }
    if (v == null) {
      return new GoShape.Nil();
    }
    if (v instanceof CharSequence s) {
      return new GoShape.Str(s.toString(), "string");
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return new GoShape.Int(((Number) v).longValue(), false, "int");
    }
    if (v instanceof Double || v instanceof Float) {
      return new GoShape.Float(((Number) v).doubleValue());
    }
    if (v instanceof Boolean b) {
      return new GoShape.Bool(b);
    }
    if (v instanceof SafeHtml h) {
      return new GoShape.Str(h.html(), "template.HTML");
    }
    if (v instanceof SafeUrl u) {
      return new GoShape.Str(u.url(), "template.URL");
    }
    if (v instanceof GoDuration d) {
      return new GoShape.Int(d.nanos(), false, "time.Duration");
    }
    if (v instanceof GoTime t) {
      return time(t.zoned());
    }
    if (v instanceof AlertmanagerData data) {
      // Alertmanager hands its templates a *template.Data.
      return new GoShape.Pointer("*template.Data", structOf(data, "template.Data", DATA_FIELDS));
    }
    if (v instanceof AlertmanagerData.Alert alert) {
      return structOf(alert, "template.Alert", ALERT_FIELDS);
    }
    if (v instanceof KV.Pair pair) {
      return structOf(pair, "template.Pair", List.of("Name", "Value"));
    }
    if (v instanceof KV kv) {
      return new GoShape.MapOf("template.KV", sortedEntries(kv), false);
    }
    if (v instanceof KV.Pairs || v instanceof AlertmanagerData.Alerts) {
      return new GoShape.Slice(((TemplateObject) v).typeName(), (List<?>) v, false);
    }
    if (v instanceof TemplateList list) {
      return new GoShape.Slice("[]interface {}", list, true);
    }
    if (v instanceof TemplateDict dict) {
      return new GoShape.MapOf("map[string]interface {}", sortedEntries(dict), true);
    }
    if (v instanceof List<?> list) {
      boolean strings = list.stream().allMatch(e -> e instanceof String);
      return new GoShape.Slice(strings ? "[]string" : "[]interface {}", list, !strings);
    }
    if (v instanceof Map<?, ?> map) {
      boolean strings = map.values().stream().allMatch(e -> e instanceof String);
      return new GoShape.MapOf(
          strings ? "map[string]string" : "map[string]interface {}", sortedEntries(map), !strings);
    }
    if (v instanceof TemplateObject t) {
      return new GoShape.Str(String.valueOf(v), t.typeName());
    }
    return new GoShape.Str(String.valueOf(v), v.getClass().getSimpleName());
  }

  /** The struct a pointer points to, for printing it the way an action does. */
  static GoShape dereferenced(Object v) {
    return of(v) instanceof GoShape.Pointer p && p.target() != null ? p.target() : of(v);
  }

  /** What the value's String() method returns, or null when its Go type has none. */
  static String stringMethod(Object v) {
    if (v instanceof GoTime || v instanceof GoDuration) {
      return v.toString();
    }
    return null;
  }

  /** What the value's GoString() method returns (for %#v), or null when its type has none. */
  static String goStringMethod(Object v) {
    if (!(v instanceof GoTime t)) {
      return null;
    }
    ZonedDateTime z = t.zoned();
    String month = z.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    return "time.Date("
        + z.getYear()
        + ", time."
        + month
        + ", "
        + z.getDayOfMonth()
        + ", "
        + z.getHour()
        + ", "
        + z.getMinute()
        + ", "
        + z.getSecond()
        + ", "
        + z.getNano()
        + ", "
        + (isUtc(z) ? "time.UTC" : "time.Location(" + GoQuote.quote(zoneName(z), false) + ")")
        + ")";
  }

  /**
   * time.Time's own fields, seen by the verbs it has no String() for: wall (nanoseconds, as there
   * is no monotonic reading), ext (seconds since Go's zero time), loc (nil for UTC).
   */
  private static GoShape time(ZonedDateTime z) {
    long seconds = z.toEpochSecond() + UNIX_TO_GO_ZERO;
    GoShape location = isUtc(z) ? null : new GoShape.Str(zoneName(z), "time.Location");
    return new GoShape.Struct(
        "time.Time",
        List.of(
            new GoShape.Field("wall", new GoShape.Int(z.getNano(), true, "uint64")),
            new GoShape.Field("ext", new GoShape.Int(seconds, false, "int64")),
            new GoShape.Field("loc", new GoShape.Pointer("*time.Location", location))));
  }

  private static boolean isUtc(ZonedDateTime z) {
    String id = z.getZone().getId();
    return id.equals("Z") || id.equals("UTC");
  }

  private static String zoneName(ZonedDateTime z) {
    return z.getZone().getId();
  }

  private static GoShape structOf(TemplateObject value, String type, List<String> names) {
    List<GoShape.Field> fields = new ArrayList<>(names.size());
    for (String name : names) {
      try {
        fields.add(new GoShape.Field(name, value.field(name)));
      } catch (TemplateException e) {
        throw new IllegalStateException(e);
      }
    }
    return new GoShape.Struct(type, fields);
  }

  /** Go prints a map's entries by key: strings in byte (code point) order, numbers by value. */
  private static List<Map.Entry<Object, Object>> sortedEntries(Map<?, ?> map) {
    List<Map.Entry<Object, Object>> entries = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      entries.add(Map.entry(e.getKey(), e.getValue() == null ? NULL : e.getValue()));
    }
    entries.sort((a, b) -> compareKeys(a.getKey(), b.getKey()));
    return entries;
  }

  private static int compareKeys(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    String s = String.valueOf(a);
    String t = String.valueOf(b);
    int i = 0;
    int j = 0;
    while (i < s.length() && j < t.length()) {
      int c = s.codePointAt(i);
      int d = t.codePointAt(j);
      if (c != d) {
        return Integer.compare(c, d);
      }
      i += Character.charCount(c);
      j += Character.charCount(d);
    }
    return Integer.compare(s.length() - i, t.length() - j);
  }

  /** Whether fmt.Sprint sees a string operand (and so puts no space next to it). */
  static boolean isString(Object v) {
    return v instanceof CharSequence || v instanceof SafeHtml || v instanceof SafeUrl;
  }
}
