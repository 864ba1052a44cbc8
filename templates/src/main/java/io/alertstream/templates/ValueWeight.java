package io.alertstream.templates;

import java.util.Collection;
import java.util.Map;

/**
 * How big a value is once printed or encoded, roughly: a bound on the work of printing, encoding
 * ({@code toJson}) or comparing it. Lists and dicts made by templates carry theirs, so a list that
 * holds the same list twice, nested again and again, is refused when it is built rather than when
 * its billions of elements are printed.
 */
final class ValueWeight {

  /** Deeper nesting than any real template needs; printing and encoding recurse this far. */
  static final int MAX_NESTING = 100;

  private static final long SCALAR = 24;
  private static final long TIME = 64;

  private ValueWeight() {}

  static long of(Object v) {
    if (v == null) {
      return 5;
    }
    if (v instanceof TemplateList l) {
      return l.weight();
    }
    if (v instanceof TemplateDict d) {
      return d.weight();
    }
    if (v instanceof CharSequence s) {
      return s.length() + 2L;
    }
    if (v instanceof SafeHtml h) {
      return h.html().length() + 2L;
    }
    if (v instanceof SafeUrl u) {
      return u.url().length() + 2L;
    }
    if (v instanceof GoTime) {
      return TIME;
    }
    if (v instanceof AlertmanagerData d) {
      return add(
          add(of(d.alerts()), of(d.groupLabels()) + of(d.commonLabels())),
          of(d.commonAnnotations())
              + of(d.routeLabels())
              + d.receiver().length()
              + d.externalUrl().length()
              + d.notificationReason().length()
              + 64);
    }
    if (v instanceof AlertmanagerData.Alert a) {
      return of(a.labels())
          + of(a.annotations())
          + a.generatorUrl().length()
          + a.fingerprint().length()
          + 2 * TIME
          + 64;
    }
    if (v instanceof KV.Pair p) {
      return p.name().length() + p.value().length() + 4L;
    }
    if (v instanceof Collection<?> c) {
      long sum = 2;
      for (Object e : c) {
        sum = add(sum, of(e) + 1);
      }
      return sum;
    }
    if (v instanceof Map<?, ?> m) {
      long sum = 5;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sum = add(sum, of(e.getKey()) + of(e.getValue()) + 2);
      }
      return sum;
    }
    return SCALAR;
  }

  /** Levels of lists and dicts made by templates, counting the value's own. */
  static int depth(Object v) {
    if (v instanceof TemplateList l) {
      return l.depth();
    }
    if (v instanceof TemplateDict d) {
      return d.depth();
    }
    return 0;
  }

  static long add(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** Refuses a new list or dict larger than any output may be, or nested too deep. */
  static void check(long weight, int depth, RenderBudget budget) throws TemplateException {
    if (weight > budget.maxValueChars()) {
      throw new TemplateException(
          "rendering stopped: a list or dict larger than "
              + budget.maxValueChars()
              + " characters (render limit)");
    }
    if (depth > MAX_NESTING) {
      throw new TemplateException(
          "rendering stopped: lists and dicts nested deeper than "
              + MAX_NESTING
              + " levels (render limit)");
    }
  }
}
