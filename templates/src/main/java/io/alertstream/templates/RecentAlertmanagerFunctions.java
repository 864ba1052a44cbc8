package io.alertstream.templates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The functions of current Alertmanager that build or convert values: {@code urlUnescape}, {@code
 * now}, {@code toDate}, {@code mustToDate}, {@code toJson}, {@code base64encode}, {@code
 * base64decode}, {@code list}, {@code append}, {@code dict} and {@code routeLabels}; with Go's
 * argument checks and errors. The ones that build values stay within the render budget.
 */
final class RecentAlertmanagerFunctions {

  private final Clock clock;

  RecentAlertmanagerFunctions(Clock clock) {
    this.clock = clock;
  }

  void register(Functions functions) {
    functions.bounded(
        "urlUnescape",
        (a, budget) -> {
          String text = one("urlUnescape", a);
          return failing("urlUnescape", () -> GoEncodings.queryUnescape(text));
        });
    functions.bounded(
        "now",
        (a, budget) -> {
          arity("now", a, 0);
          return new GoTime(clock.instant());
        });
    functions.bounded(
        "toDate",
        (a, budget) -> {
          arity("toDate", a, 2);
          String layout = string(a.get(0));
          String value = string(a.get(1));
          try {
            return GoTimeParser.parse(layout, value);
          } catch (TemplateException e) {
            return new GoTime(AlertmanagerData.Alert.GO_ZERO);
          }
        });
    functions.bounded(
        "mustToDate",
        (a, budget) -> {
          arity("mustToDate", a, 2);
          String layout = string(a.get(0));
          String value = string(a.get(1));
          return failing("mustToDate", () -> GoTimeParser.parse(layout, value));
        });
    functions.bounded(
        "toJson",
        (a, budget) -> {
          arity("toJson", a, 1);
          try {
            return GoJson.marshal(a.get(0), budget.maxValueChars());
          } catch (TemplateException e) {
            throw e.getMessage().startsWith("json: ")
                ? new TemplateException("error calling toJson: " + e.getMessage())
                : e;
          }
        });
    functions.bounded(
        "base64encode", (a, budget) -> GoEncodings.base64Encode(one("base64encode", a)));
    functions.bounded(
        "base64decode",
        (a, budget) -> {
          String text = one("base64decode", a);
          return failing("base64decode", () -> GoEncodings.base64Decode(text));
        });
    functions.bounded("list", (a, budget) -> TemplateList.of(a, false, budget));
    functions.bounded("append", RecentAlertmanagerFunctions::append);
    functions.bounded("dict", RecentAlertmanagerFunctions::dict);
    functions.contextual(
        "routeLabels",
        (a, evaluator) -> {
          String name = one("routeLabels", a);
          if (evaluator.root() instanceof AlertmanagerData data) {
            String value = data.routeLabels().get(name);
            return value == null ? "" : value;
          }
          return "";
        });
  }

  private static Object append(List<Object> a, RenderBudget budget) throws TemplateException {
    if (a.isEmpty()) {
      throw new TemplateException("wrong number of args for append: want at least 1 got 0");
    }
    Object first = a.get(0);
    if (first != null && !(first instanceof TemplateList)) {
      throw new TemplateException(
          "wrong type for value; expected []interface {}; got " + GoShapes.of(first).type());
    }
    List<Object> joined = new ArrayList<>();
    if (first != null) {
      joined.addAll((TemplateList) first);
    }
    joined.addAll(a.subList(1, a.size()));
    budget.checkTime();
    boolean nil = first == null || ((TemplateList) first).isNil();
    return TemplateList.of(joined, nil, budget);
  }

  private static Object dict(List<Object> a, RenderBudget budget) throws TemplateException {
    if (a.size() % 2 != 0) {
      throw new TemplateException("error calling dict: dict requires an even number of arguments");
    }
    LinkedHashMap<String, Object> entries = new LinkedHashMap<>();
    for (int i = 0; i < a.size(); i += 2) {
      if (!(a.get(i) instanceof String key)) {
        throw new TemplateException("error calling dict: dict keys must be strings");
      }
      entries.put(key, a.get(i + 1));
    }
    return TemplateDict.of(entries, budget);
  }

  private interface Failing {
    Object get() throws TemplateException;
  }

  /** Go's "error calling f: ..." for an error the function itself returns. */
  private static Object failing(String name, Failing fn) throws TemplateException {
    try {
      return fn.get();
    } catch (TemplateException e) {
      throw new TemplateException("error calling " + name + ": " + e.getMessage());
    }
  }

  private static String one(String name, List<Object> a) throws TemplateException {
    arity(name, a, 1);
    return string(a.get(0));
  }

  private static void arity(String name, List<?> a, int n) throws TemplateException {
    if (a.size() != n) {
      throw new TemplateException(
          "wrong number of args for " + name + ": want " + n + " got " + a.size());
    }
  }

  /** A Go string parameter: only a string converts; template.HTML and others do not. */
  private static String string(Object v) throws TemplateException {
    if (v instanceof CharSequence s) {
      return s.toString();
    }
    if (v == null) {
      throw new TemplateException("invalid value; expected string");
    }
    throw new TemplateException(
        "wrong type for value; expected string; got " + GoShapes.of(v).type());
  }
}
