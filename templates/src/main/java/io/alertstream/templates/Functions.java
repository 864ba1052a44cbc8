package io.alertstream.templates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The functions templates may call: Go's built-ins and the ones Alertmanager adds (toUpper,
 * toLower, title, join, match, reReplaceAll, safeHtml, stringSlice, date, tz, since, humanize,
 * humanizeDuration, trimSpace, ...; the newer ones in {@link RecentAlertmanagerFunctions}) and
 * Mimir's tenantID.
 */
final class Functions {

  interface Fn {
    Object apply(List<Evaluator.Lazy> args, Evaluator evaluator) throws TemplateException;
  }

  interface Strict {
    Object apply(List<Object> args) throws TemplateException;
  }

  /** A function whose result could grow past the render budget while it is being built. */
  interface Bounded {
    Object apply(List<Object> args, RenderBudget budget) throws TemplateException;
  }

  private final Map<String, Fn> functions = new HashMap<>();
  private final Clock clock;

  /**
   * Compiled patterns of {@code match} and {@code reReplaceAll}, which templates call in loops; a
   * few hundred short ones, emptied when full, so a tenant's templates cannot grow it.
   */
  private final Map<String, GoRegexp> patterns = new ConcurrentHashMap<>();

  private static final int MAX_PATTERNS = 256;
  private static final int MAX_CACHED_PATTERN_LENGTH = 1024;

  /** The tenant whose templates these are: Mimir's {@code tenantID}. */
  private volatile String tenant = "";

  Functions(Clock clock) {
    this.clock = clock;
    builtIns();
    alertmanager();
    new RecentAlertmanagerFunctions(clock).register(this);
    strict(
        "tenantID",
        a -> {
          arity("tenantID", a, 0);
          return tenant;
        });
  }

  void tenant(String id) {
    this.tenant = id;
  }

  Set<String> names() {
    return functions.keySet();
  }

  Object call(String name, List<Evaluator.Lazy> args, Evaluator evaluator, Object dot)
      throws TemplateException {
    Fn fn = functions.get(name);
    if (fn == null) {
      throw new TemplateException("function \"" + name + "\" not defined");
    }
    try {
      Object result = fn.apply(args, evaluator);
      evaluator.budget().checkValue(result);
      return result;
    } catch (RuntimeException e) {
      throw new TemplateException("error calling " + name + ": " + e.getMessage());
    }
  }

  private void strict(String name, Strict fn) {
    bounded(name, (args, budget) -> fn.apply(args));
  }

  void bounded(String name, Bounded fn) {
    functions.put(name, (lazy, evaluator) -> fn.apply(values(lazy), evaluator.budget()));
  }

  /** A function that reads the rendering's data ({@code routeLabels}). */
  interface Contextual {
    Object apply(List<Object> args, Evaluator evaluator) throws TemplateException;
  }

  void contextual(String name, Contextual fn) {
    functions.put(name, (lazy, evaluator) -> fn.apply(values(lazy), evaluator));
  }

  private static List<Object> values(List<Evaluator.Lazy> lazy) throws TemplateException {
    List<Object> args = new ArrayList<>(lazy.size());
    for (Evaluator.Lazy l : lazy) {
      args.add(l.get());
    }
    return args;
  }

  private static void arity(String name, List<?> args, int n) throws TemplateException {
    if (args.size() != n) {
      throw new TemplateException(
          "wrong number of args for " + name + ": want " + n + " got " + args.size());
    }
  }

  private static String string(String name, Object v) throws TemplateException {
    if (v instanceof CharSequence || v instanceof SafeHtml || v instanceof SafeUrl) {
      return v.toString();
    }
    throw new TemplateException(
        "error calling " + name + ": expected string; found " + GoValues.print(v));
  }

  private void builtIns() {
    functions.put(
        "and",
        (args, evaluator) -> {
          if (args.isEmpty()) {
            throw new TemplateException("wrong number of args for and: want at least 1 got 0");
          }
          Object v = null;
          for (Evaluator.Lazy a : args) {
            v = a.get();
            if (!GoValues.truth(v)) {
              return v;
            }
          }
          return v;
        });
    functions.put(
        "or",
        (args, evaluator) -> {
          if (args.isEmpty()) {
            throw new TemplateException("wrong number of args for or: want at least 1 got 0");
          }
          Object v = null;
          for (Evaluator.Lazy a : args) {
            v = a.get();
            if (GoValues.truth(v)) {
              return v;
            }
          }
          return v;
        });
    strict(
        "not",
        a -> {
          arity("not", a, 1);
          return !GoValues.truth(a.get(0));
        });
    strict(
        "len",
        a -> {
          arity("len", a, 1);
          Object v = a.get(0);
          if (v instanceof CharSequence s) {
            return (long) s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
          }
          if (v instanceof List<?> l) {
            return (long) l.size();
          }
          if (v instanceof Map<?, ?> m) {
            return (long) m.size();
          }
          throw new TemplateException("error calling len: len of type " + GoValues.typeName(v));
        });
    strict("index", Functions::index);
    strict("slice", Functions::slice);
    strict("print", a -> sprint(a));
    strict("println", GoFmt::sprintln);
    bounded(
        "printf",
        (a, budget) -> {
          if (a.isEmpty()) {
            throw new TemplateException("wrong number of args for printf: want at least 1 got 0");
          }
          // Go allows a width of 10^7 per verb: the result must still fit the render budget.
          return GoFmt.sprintf(
              string("printf", a.get(0)), a.subList(1, a.size()), budget.maxValueChars());
        });
    strict(
        "eq",
        a -> {
          if (a.size() < 2) {
            throw new TemplateException("missing argument for comparison");
          }
          for (Object other : a.subList(1, a.size())) {
            if (GoValues.equal(a.get(0), other)) {
              return true;
            }
          }
          return false;
        });
    strict(
        "ne",
        a -> {
          arity("ne", a, 2);
          return !GoValues.equal(a.get(0), a.get(1));
        });
    strict("lt", a -> compare("lt", a) < 0);
    strict("le", a -> compare("le", a) <= 0);
    strict("gt", a -> compare("gt", a) > 0);
    strict("ge", a -> compare("ge", a) >= 0);
    strict("html", a -> Escapers.html(sprint(a)));
    strict("js", a -> Escapers.js(sprint(a)));
    strict("urlquery", a -> Escapers.urlQuery(sprint(a)));
  }

  private static int compare(String name, List<Object> a) throws TemplateException {
    arity(name, a, 2);
    return GoValues.compare(a.get(0), a.get(1), name);
  }

  /** fmt.Sprint: spaces between operands when neither side is a string. */
  static String sprint(List<Object> args) {
    return GoFmt.sprint(args);
  }

  private static Object index(List<Object> a) throws TemplateException {
    if (a.isEmpty()) {
      throw new TemplateException("wrong number of args for index: want at least 1 got 0");
    }
    Object v = a.get(0);
    for (Object key : a.subList(1, a.size())) {
      if (v instanceof Map<?, ?> m) {
        v = m.get(key);
        if (v == null && m instanceof KV) {
          v = "";
        }
      } else if (v instanceof List<?> l && GoValues.isInteger(key)) {
        long i = ((Number) key).longValue();
        if (i < 0 || i >= l.size()) {
          throw new TemplateException("error calling index: index out of range: " + i);
        }
        v = l.get((int) i);
      } else if (v == null) {
        throw new TemplateException("error calling index: index of untyped nil");
      } else {
        throw new TemplateException(
            "error calling index: can't index item of type " + GoValues.typeName(v));
      }
    }
    return v;
  }

  private static Object slice(List<Object> a) throws TemplateException {
    if (a.isEmpty()) {
      throw new TemplateException("wrong number of args for slice: want at least 1 got 0");
    }
    Object v = a.get(0);
    int length = v instanceof CharSequence s ? s.length() : v instanceof List<?> l ? l.size() : -1;
    if (length < 0) {
      throw new TemplateException(
          "error calling slice: can't slice item of type " + GoValues.typeName(v));
    }
    int from = a.size() > 1 ? (int) ((Number) a.get(1)).longValue() : 0;
    int to = a.size() > 2 ? (int) ((Number) a.get(2)).longValue() : length;
    if (from < 0 || to > length || from > to) {
      throw new TemplateException("error calling slice: index out of range");
    }
    return v instanceof CharSequence s
        ? s.toString().substring(from, to)
        : new ArrayList<>(((List<?>) v).subList(from, to));
  }

  private void alertmanager() {
    strict("toUpper", a -> GoCases.upper(one("toUpper", a)));
    strict("toLower", a -> GoCases.lower(one("toLower", a)));
    strict("title", a -> GoCases.title(one("title", a)));
    strict("trimSpace", a -> trimSpace(one("trimSpace", a)));
    strict(
        "join",
        a -> {
          arity("join", a, 2);
          List<String> parts = new ArrayList<>();
          if (!(a.get(1) instanceof List<?> list)) {
            throw new TemplateException("error calling join: expected a list of strings");
          }
          for (Object o : list) {
            parts.add(string("join", o));
          }
          return String.join(string("join", a.get(0)), parts);
        });
    strict(
        "match",
        a -> {
          arity("match", a, 2);
          return regex("match", string("match", a.get(0))).matches(string("match", a.get(1)));
        });
    bounded(
        "reReplaceAll",
        (a, budget) -> {
          arity("reReplaceAll", a, 3);
          String text = string("reReplaceAll", a.get(2));
          String template = string("reReplaceAll", a.get(1));
          return regex("reReplaceAll", string("reReplaceAll", a.get(0)))
              .replaceAll(text, template, budget.maxValueChars());
        });
    strict("safeHtml", a -> new SafeHtml(one("safeHtml", a)));
    strict("safeUrl", a -> new SafeUrl(one("safeUrl", a)));
    strict(
        "stringSlice",
        a -> {
          List<String> out = new ArrayList<>();
          for (Object o : a) {
            out.add(string("stringSlice", o));
          }
          return out;
        });
    strict(
        "date",
        a -> {
          arity("date", a, 2);
          return time("date", a.get(1)).format(string("date", a.get(0)));
        });
    strict(
        "tz",
        a -> {
          arity("tz", a, 2);
          try {
            return time("tz", a.get(1)).in(ZoneId.of(string("tz", a.get(0))));
          } catch (java.time.DateTimeException e) {
            throw new TemplateException("error calling tz: unknown time zone " + a.get(0));
          }
        });
    strict(
        "since",
        a -> {
          arity("since", a, 1);
          return new GoDuration(
              Duration.between(time("since", a.get(0)).instant(), clock.instant()));
        });
    strict("humanize", a -> humanize(number("humanize", a)));
    strict("humanizeDuration", a -> humanizeDuration(a));
  }

  /**
   * Go's strings.TrimSpace: white space by Go's unicode.IsSpace, which (unlike Java's strip) counts
   * U+0085 and the no-break spaces and not the separators U+001C to U+001F.
   */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isGoSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static boolean isGoSpace(int cp) {
    if (cp < 0x100) {
      return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0;
    }
    int type = Character.getType(cp);
    return type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  private static String one(String name, List<Object> a) throws TemplateException {
    arity(name, a, 1);
    return string(name, a.get(0));
  }

  /** Go's regexp, so that a tenant's pattern runs in linear time and means what it means in Go. */
  private GoRegexp regex(String function, String pattern) throws TemplateException {
    GoRegexp cached = patterns.get(pattern);
    if (cached != null) {
      return cached;
    }
    try {
      GoRegexp compiled = GoRegexp.compile(pattern);
      if (pattern.length() <= MAX_CACHED_PATTERN_LENGTH) {
        if (patterns.size() >= MAX_PATTERNS) {
          patterns.clear();
        }
        patterns.put(pattern, compiled);
      }
      return compiled;
    } catch (GoRegexp.SyntaxException e) {
      throw new TemplateException("error calling " + function + ": " + e.getMessage());
    }
  }

  private static GoTime time(String name, Object v) throws TemplateException {
    if (v instanceof GoTime t) {
      return t;
    }
    throw new TemplateException(
        "error calling " + name + ": expected a time; found " + GoValues.print(v));
  }

  private static double number(String name, List<Object> a) throws TemplateException {
    arity(name, a, 1);
    Object v = a.get(0);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof CharSequence s) {
      try {
        return Double.parseDouble(s.toString());
      } catch (NumberFormatException e) {
        throw new TemplateException("error calling " + name + ": cannot parse \"" + s + "\"");
      }
    }
    throw new TemplateException("error calling " + name + ": expected a number");
  }

  /** Prometheus' humanize: SI prefixes, four significant digits. */
  static String humanize(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return goG(v, 4);
    }
    String[] big = {"", "k", "M", "G", "T", "P", "E", "Z", "Y"};
    String[] small = {"", "m", "u", "n", "p", "f", "a", "z", "y"};
    int i = 0;
    if (Math.abs(v) >= 1) {
      while (Math.abs(v) >= 1000 && i < big.length - 1) {
        v /= 1000;
        i++;
      }
      return goG(v, 4) + big[i];
    }
    while (Math.abs(v) < 1 && i < small.length - 1) {
      v *= 1000;
      i++;
    }
    return goG(v, 4) + small[i];
  }

  private static String humanizeDuration(List<Object> a) throws TemplateException {
    arity("humanizeDuration", a, 1);
    double v =
        a.get(0) instanceof GoDuration d
            ? (double) d.field("Seconds")
            : number("humanizeDuration", a);
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return goG(v, 4) + "s";
    }
    String sign = v < 0 ? "-" : "";
    v = Math.abs(v);
    if (v >= 1) {
      long total = (long) v;
      long seconds = total % 60;
      long minutes = (total / 60) % 60;
      long hours = (total / 3600) % 24;
      long days = total / 86400;
      if (days != 0) {
        return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
      }
      if (hours != 0) {
        return sign + hours + "h " + minutes + "m " + seconds + "s";
      }
      if (minutes != 0) {
        return sign + minutes + "m " + seconds + "s";
      }
      return sign + goG(v, 4) + "s";
    }
    String[] prefixes = {"m", "u", "n", "p", "f", "a", "z", "y"};
    int i = -1;
    while (v < 1 && i < prefixes.length - 1) {
      v *= 1000;
      i++;
    }
    return sign + goG(v, 4) + prefixes[i] + "s";
  }

  /** Go's %.{precision}g: significant digits, trailing zeros dropped, exponent when far. */
  static String goG(double v, int precision) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(precision));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= precision) {
      BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
      return mantissa.toPlainString()
          + "e"
          + (exponent < 0 ? "-" : "+")
          + String.format("%02d", Math.abs(exponent));
    }
    return rounded.stripTrailingZeros().toPlainString();
  }
}
