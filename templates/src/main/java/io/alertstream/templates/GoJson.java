package io.alertstream.templates;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code json.Marshal} of template values, for {@code toJson}: Alertmanager's JSON names for
 * the data and alerts, map keys sorted, {@code <}, {@code >} and {@code &} escaped as Go escapes
 * them, floats as Go writes them. Stops at the render budget's output limit.
 */
final class GoJson {

  private static final String HEX = "0123456789abcdef";
  private static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";

  private final StringBuilder out = new StringBuilder();
  private final long limit;

  private GoJson(long limit) {
    this.limit = limit;
  }

  static String marshal(Object value, long limit) throws TemplateException {
    GoJson json = new GoJson(limit);
    json.value(value, 0);
    return json.out.toString();
  }

  private void value(Object v, int depth) throws TemplateException {
    if (depth > ValueWeight.MAX_NESTING + 8) {
      throw new TemplateException(
          "rendering stopped: value nested deeper than "
              + ValueWeight.MAX_NESTING
              + " levels (render limit)");
    }
    if (v == null || v instanceof TemplateList l && l.isNil()) {
      raw("null");
    } else if (v instanceof CharSequence || v instanceof SafeHtml || v instanceof SafeUrl) {
      string(v.toString());
    } else if (v instanceof Boolean b) {
      raw(b.toString());
    } else if (GoValues.isInteger(v)) {
      raw(Long.toString(((Number) v).longValue()));
    } else if (v instanceof Double || v instanceof Float) {
      raw(number(((Number) v).doubleValue()));
    } else if (v instanceof GoDuration d) {
      raw(Long.toString(d.nanos()));
    } else if (v instanceof GoTime t) {
      time(t);
    } else if (v instanceof AlertmanagerData d) {
      object(
          List.of(
              "receiver", d.receiver(),
              "status", d.status(),
              "alerts", d.alerts(),
              "notification_reason", d.notificationReason(),
              "groupLabels", d.groupLabels(),
              "commonLabels", d.commonLabels(),
              "commonAnnotations", d.commonAnnotations(),
              "routeLabels", d.routeLabels(),
              "externalURL", d.externalUrl()),
          depth);
    } else if (v instanceof AlertmanagerData.Alert a) {
      object(
          List.of(
              "status", a.status(),
              "labels", a.labels(),
              "annotations", a.annotations(),
              "startsAt", a.field("StartsAt"),
              "endsAt", a.field("EndsAt"),
              "generatorURL", a.generatorUrl(),
              "fingerprint", a.fingerprint()),
          depth);
    } else if (v instanceof KV.Pair p) {
      object(List.of("Name", p.name(), "Value", p.value()), depth);
    } else if (v instanceof List<?> list) {
      raw("[");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          raw(",");
        }
        value(list.get(i), depth + 1);
      }
      raw("]");
    } else if (v instanceof Map<?, ?> map) {
      List<Object> fields = new ArrayList<>(map.size() * 2);
      map.entrySet().stream()
          .sorted((a, b) -> compare(a.getKey().toString(), b.getKey().toString()))
          .forEach(
              e -> {
                fields.add(e.getKey().toString());
                fields.add(e.getValue());
              });
      object(fields, depth);
    } else {
      string(String.valueOf(v));
    }
  }

  /** An object from alternating names and values, in that order. */
  private void object(List<Object> fields, int depth) throws TemplateException {
    raw("{");
    for (int i = 0; i < fields.size(); i += 2) {
      if (i > 0) {
        raw(",");
      }
      string((String) fields.get(i));
      raw(":");
      value(fields.get(i + 1), depth + 1);
    }
    raw("}");
  }

  private void time(GoTime t) throws TemplateException {
    ZonedDateTime z = t.zoned();
    if (z.getYear() < 0 || z.getYear() > 9999) {
      throw new TemplateException(
          "json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside of"
              + " range [0,9999]");
    }
    string(t.format(RFC3339_NANO));
  }

  /** encoding/json's float64: shortest digits, an exponent below 1e-6 and from 1e21. */
  static String number(double f) throws TemplateException {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      throw new TemplateException(
          "json: unsupported value: " + (Double.isNaN(f) ? "NaN" : f > 0 ? "+Inf" : "-Inf"));
    }
    String sign = f < 0 || (f == 0 && 1 / f < 0) ? "-" : "";
    double abs = Math.abs(f);
    FloatDigits.Decimal d = FloatDigits.shortest(abs);
    String digits = d.digits();
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      int exponent = d.exponent();
      String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      String exp = Integer.toString(Math.abs(exponent));
      if (exponent >= 0 && exp.length() < 2) {
        exp = "0" + exp;
      }
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    int point = d.point();
    if (point <= 0) {
      return sign + "0." + "0".repeat(-point) + digits;
    }
    if (point >= digits.length()) {
      return sign + digits + "0".repeat(point - digits.length());
    }
    return sign + digits.substring(0, point) + "." + digits.substring(point);
  }

  /** A JSON string as Go writes it: HTML-safe, U+2028 and U+2029 escaped, bad UTF-16 as U+FFFD. */
  private void string(String s) throws TemplateException {
    ensure(s.length() + 2L);
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          out.append(c).append(s.charAt(++i));
        } else {
          // Go writes the escape of U+FFFD for bytes that are not UTF-8.
          out.append("\\ufffd");
        }
        continue;
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            escape(c);
          } else {
            out.append(c);
          }
        }
      }
      if ((i & 1023) == 0) {
        ensure(0);
      }
    }
    out.append('"');
    ensure(0);
  }

  private void escape(char c) {
    out.append("\\u")
        .append(HEX.charAt(c >> 12 & 0xf))
        .append(HEX.charAt(c >> 8 & 0xf))
        .append(HEX.charAt(c >> 4 & 0xf))
        .append(HEX.charAt(c & 0xf));
  }

  /** Go's order of string keys: by bytes of UTF-8, which is the order of code points. */
  private static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int c = a.codePointAt(i);
      int d = b.codePointAt(j);
      if (c != d) {
        return Integer.compare(c, d);
      }
      i += Character.charCount(c);
      j += Character.charCount(d);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private void raw(String s) throws TemplateException {
    ensure(s.length());
    out.append(s);
  }

  private void ensure(long more) throws TemplateException {
    if (out.length() + more > limit) {
      throw new TemplateException(
          "rendering stopped: toJson result longer than " + limit + " characters (render limit)");
    }
  }
}
