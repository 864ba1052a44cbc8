package io.alertstream.templates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Go's fmt (as of Go 1.19, which Alertmanager 0.25 is built with) for the values templates see:
 * {@code Sprintf} with its flags, width, precision, argument indexes and error forms ({@code
 * %!d(string=x)}, {@code %!(EXTRA ...)}, {@code %!(BADWIDTH)}, ...), {@code Sprint} and {@code
 * Sprintln}. Slices, maps and structs print element by element with the verb and flags of the
 * operand, as Go does: {@code %q} of a string slice is {@code ["a" "b"]}, {@code %d} of it is
 * {@code [%!d(string=a) %!d(string=b)]}, maps print {@code map[k:v]} in key order, structs {@code
 * {v1 v2}} ({@code {Name:v1 ...}} with {@code %+v}, Go syntax with {@code %#v}).
 *
 * <p>The Java values map to Go's types as Alertmanager's template data has them: {@link KV} is
 * {@code template.KV}, {@link AlertmanagerData.Alerts} {@code template.Alerts}, an {@link
 * AlertmanagerData.Alert} the struct {@code template.Alert}, the data itself a {@code
 * *template.Data}, {@link GoTime} and {@link GoDuration} Go's time types with their {@code String}
 * methods; Long is Go's int, Double float64, {@link SafeHtml} {@code template.HTML}.
 *
 * <p>A width or precision in the format is at most what Go accepts (about 10^7; from an argument,
 * 10^6) and the whole result at most {@code maxChars}: a longer result fails before it is built.
 */
final class GoFmt {

  /** The output would be longer than allowed. */
  private static final class TooLong extends RuntimeException {
    TooLong() {
      super(null, null, false, false);
    }
  }

  /** A Go uint64 (only inside a time.Time). */
  private record Uint64(long bits) {}

  /** A Go int64 (only inside a time.Time). */
  private record Int64(long value) {}

  /** A nil pointer of the given Go type (a time.Time's location when it is UTC). */
  private record NilPointer(String type) {}

  /** What a pointer points to: the template data is a *template.Data. */
  private record Deref(AlertmanagerData data) {}

  /** A struct field; unexported ones can't be asked for their methods. */
  private record Field(String name, Object value, boolean exported) {}

  private static final String LOWER_HEX = "0123456789abcdefx";
  private static final String UPPER_HEX = "0123456789ABCDEFX";
  private static final int MAX_RUNE = 0x10FFFF;
  private static final int RUNE_ERROR = 0xFFFD;

  /** Seconds from January 1 of year 1 to the Unix epoch, as Go's time.Time counts them. */
  private static final long UNIX_TO_INTERNAL = 62135596800L;

  private final StringBuilder buf = new StringBuilder();
  private final long maxChars;

  private boolean widPresent;
  private boolean precPresent;
  private boolean minus;
  private boolean plus;
  private boolean sharp;
  private boolean space;
  private boolean zero;
  private boolean plusV;
  private boolean sharpV;
  private int wid;
  private int prec;

  /** The operand being printed, when it is a whole Go value (Go's p.arg). */
  private Object arg;

  /** The value being printed by reflection (Go's p.value). */
  private Object value;

  private boolean erroring;
  private boolean goodArgNum;
  private boolean reordered;

  private GoFmt(long maxChars) {
    this.maxChars = maxChars;
  }

  /** fmt.Sprintf; fails if the result would be longer than {@code maxChars}. */
  static String sprintf(String format, List<Object> args, long maxChars) throws TemplateException {
    GoFmt p = new GoFmt(maxChars);
    try {
      p.doPrintf(format, args);
    } catch (TooLong e) {
      throw new TemplateException(
          "error calling printf: result longer than " + maxChars + " characters (render limit)");
    }
    return p.buf.toString();
  }

  /** fmt.Sprint: operands as %v, a space between two operands when neither is a string. */
  static String sprint(List<Object> args) {
    GoFmt p = new GoFmt(Long.MAX_VALUE);
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      boolean isString = a instanceof String || a instanceof SafeHtml;
      if (i > 0 && !isString && !prevString) {
        p.write(" ");
      }
      p.printArg(a, 'v');
      prevString = isString;
    }
    return p.buf.toString();
  }

  /** fmt.Sprintln: operands as %v, spaces between, a newline at the end. */
  static String sprintln(List<Object> args) {
    GoFmt p = new GoFmt(Long.MAX_VALUE);
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        p.write(" ");
      }
      p.printArg(args.get(i), 'v');
    }
    p.write("\n");
    return p.buf.toString();
  }

  /**
   * A value as a template action prints it: fmt.Print of the value, a pointer (the data) followed
   * to what it points to.
   */
  static String print(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
      return v.toString();
    }
    GoFmt p = new GoFmt(Long.MAX_VALUE);
    p.printArg(v instanceof AlertmanagerData d ? new Deref(d) : v, 'v');
    return p.buf.toString();
  }

  /** Go's %v of a float64 (strconv's shortest 'g'). */
  static String formatFloat(double d) {
    return formatFloat(d, 'g', -1);
  }

  // ---- output

  private void reserve(long n) {
    if (n > 0 && buf.length() + n > maxChars) {
      throw new TooLong();
    }
  }

  private void write(CharSequence s) {
    reserve(s.length());
    buf.append(s);
  }

  private void write(CharSequence s, int from, int to) {
    reserve(to - from);
    buf.append(s, from, to);
  }

  private void writeRune(int r) {
    reserve(2);
    buf.appendCodePoint(r);
  }

  private void writePadding(int n) {
    if (n <= 0) {
      return;
    }
    reserve(n);
    char c = zero ? '0' : ' ';
    for (int i = 0; i < n; i++) {
      buf.append(c);
    }
  }

  /** Writes s padded to the width, on the left unless the minus flag. */
  private void pad(String s) {
    if (!widPresent || wid == 0) {
      write(s);
      return;
    }
    int width = wid - s.codePointCount(0, s.length());
    if (!minus) {
      writePadding(width);
      write(s);
    } else {
      write(s);
      writePadding(width);
    }
  }

  private void clearFlags() {
    widPresent = false;
    precPresent = false;
    minus = false;
    plus = false;
    sharp = false;
    space = false;
    zero = false;
    plusV = false;
    sharpV = false;
    wid = 0;
    prec = 0;
  }

  // ---- the format string

  private record Num(int num, boolean isNum, int newI) {}

  private record ArgNum(int argNum, int newI, boolean found) {}

  private static boolean tooLarge(long x) {
    return x > 1_000_000 || x < -1_000_000;
  }

  /** Digits at start: the number, whether there was one, where they end. */
  private static Num parseNum(String s, int start, int end) {
    if (start >= end) {
      return new Num(0, false, end);
    }
    int num = 0;
    boolean isNum = false;
    int i = start;
    for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
      if (tooLarge(num)) {
        return new Num(0, false, end); // overflow: most likely a crazy long number
      }
      num = num * 10 + (s.charAt(i) - '0');
      isNum = true;
    }
    return new Num(num, isNum, i);
  }

  /** An explicit argument index {@code [n]} at i, or the current argument. */
  private ArgNum argNumber(int argNum, String format, int i, int numArgs) {
    if (format.length() <= i || format.charAt(i) != '[') {
      return new ArgNum(argNum, i, false);
    }
    reordered = true;
    // [n]: at least three characters, n one-based
    int index = 0;
    int width = 1;
    boolean ok = false;
    if (format.length() - i >= 3) {
      for (int j = i + 1; j < format.length(); j++) {
        if (format.charAt(j) == ']') {
          Num n = parseNum(format, i + 1, j);
          width = j - i + 1;
          if (n.isNum() && n.newI() == j) {
            index = n.num() - 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && 0 <= index && index < numArgs) {
      return new ArgNum(index, i + width, true);
    }
    goodArgNum = false;
    return new ArgNum(argNum, i + width, ok);
  }

  private record IntArg(int num, boolean isInt, int newArgNum) {}

  private static IntArg intFromArg(List<Object> a, int argNum) {
    if (argNum >= a.size()) {
      return new IntArg(0, false, argNum);
    }
    Object v = a.get(argNum);
    long n = 0;
    boolean isInt = false;
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      n = ((Number) v).longValue();
      isInt = true;
    } else if (v instanceof GoDuration d) {
      n = d.nanos();
      isInt = true;
    }
    if (tooLarge(n)) {
      return new IntArg(0, false, argNum + 1);
    }
    return new IntArg((int) n, isInt, argNum + 1);
  }

  private void doPrintf(String format, List<Object> a) {
    int end = format.length();
    int argNum = 0;
    boolean afterIndex;
    reordered = false;
    formatLoop:
    for (int i = 0; i < end; ) {
      goodArgNum = true;
      int lasti = i;
      while (i < end && format.charAt(i) != '%') {
        i++;
      }
      if (i > lasti) {
        write(format, lasti, i);
      }
      if (i >= end) {
        break;
      }
      i++; // the %
      clearFlags();
      simpleFormat:
      for (; i < end; i++) {
        char c = format.charAt(i);
        switch (c) {
          case '#' -> sharp = true;
          case '0' -> zero = !minus; // only pad with zeros on the left
          case '+' -> plus = true;
          case '-' -> {
            minus = true;
            zero = false;
          }
          case ' ' -> space = true;
          default -> {
            // The common case: flags and a lower case verb, no width, precision or index.
            if (c >= 'a' && c <= 'z' && argNum < a.size()) {
              if (c == 'v') {
                sharpV = sharp;
                sharp = false;
                plusV = plus;
                plus = false;
              }
              printArg(a.get(argNum), c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simpleFormat;
          }
        }
      }

      ArgNum n = argNumber(argNum, format, i, a.size());
      argNum = n.argNum();
      i = n.newI();
      afterIndex = n.found();

      if (i < end && format.charAt(i) == '*') {
        i++;
        IntArg w = intFromArg(a, argNum);
        wid = w.num();
        widPresent = w.isInt();
        argNum = w.newArgNum();
        if (!widPresent) {
          write("%!(BADWIDTH)");
        }
        if (wid < 0) {
          wid = -wid;
          minus = true;
          zero = false;
        }
        afterIndex = false;
      } else {
        Num w = parseNum(format, i, end);
        wid = w.num();
        widPresent = w.isNum();
        i = w.newI();
        if (afterIndex && widPresent) { // "%[3]2d"
          goodArgNum = false;
        }
      }

      if (i + 1 < end && format.charAt(i) == '.') {
        i++;
        if (afterIndex) { // "%[3].2d"
          goodArgNum = false;
        }
        n = argNumber(argNum, format, i, a.size());
        argNum = n.argNum();
        i = n.newI();
        afterIndex = n.found();
        if (i < end && format.charAt(i) == '*') {
          i++;
          IntArg p = intFromArg(a, argNum);
          prec = p.num();
          precPresent = p.isInt();
          argNum = p.newArgNum();
          if (prec < 0) {
            prec = 0;
            precPresent = false;
          }
          if (!precPresent) {
            write("%!(BADPREC)");
          }
          afterIndex = false;
        } else {
          Num p = parseNum(format, i, end);
          prec = p.num();
          precPresent = p.isNum();
          i = p.newI();
          if (!precPresent) {
            prec = 0;
            precPresent = true;
          }
        }
      }

      if (!afterIndex) {
        n = argNumber(argNum, format, i, a.size());
        argNum = n.argNum();
        i = n.newI();
      }

      if (i >= end) {
        write("%!(NOVERB)");
        break;
      }

      int verb = format.codePointAt(i);
      i += Character.charCount(verb);

      if (verb == '%') { // takes no operand; width and precision ignored
        write("%");
      } else if (!goodArgNum) {
        badArgNum(verb);
      } else if (argNum >= a.size()) {
        missingArg(verb);
      } else {
        if (verb == 'v') {
          sharpV = sharp;
          sharp = false;
          plusV = plus;
          plus = false;
        }
        printArg(a.get(argNum), verb);
        argNum++;
      }
    }

    // Operands left over, unless the format picked them by index.
    if (!reordered && argNum < a.size()) {
      clearFlags();
      write("%!(EXTRA ");
      for (int i = argNum; i < a.size(); i++) {
        if (i > argNum) {
          write(", ");
        }
        Object extra = a.get(i);
        if (extra == null) {
          write("<nil>");
        } else {
          write(goType(extra));
          write("=");
          printArg(extra, 'v');
        }
      }
      write(")");
    }
  }

  private void badArgNum(int verb) {
    write("%!");
    writeRune(verb);
    write("(BADINDEX)");
  }

  private void missingArg(int verb) {
    write("%!");
    writeRune(verb);
    write("(MISSING)");
  }

  private void badVerb(int verb) {
    erroring = true;
    write("%!");
    writeRune(verb);
    write("(");
    if (arg != null) {
      write(goType(arg));
      write("=");
      printArg(arg, 'v');
    } else if (value != null) {
      write(goType(value));
      write("=");
      printValue(value, 'v', 0, false);
    } else {
      write("<nil>");
    }
    write(")");
    erroring = false;
  }

  // ---- operands

  private void printArg(Object a, int verb) {
    arg = a;
    value = null;
    if (a == null) {
      if (verb == 'T' || verb == 'v') {
        pad("<nil>");
      } else {
        badVerb(verb);
      }
      return;
    }
    if (verb == 'T') {
      fmtS(goType(a));
      return;
    }
    if (verb == 'p') {
      fmtPointer(a, 'p');
      return;
    }
    if (a instanceof Boolean b) {
      fmtBool(b, verb);
    } else if (a instanceof Double || a instanceof Float) {
      fmtFloat(((Number) a).doubleValue(), verb);
    } else if (isInt(a)) {
      fmtInteger(((Number) a).longValue(), true, verb);
    } else if (a instanceof String s) {
      fmtString(s, verb);
    } else if (!handleMethods(verb)) {
      printValue(a, verb, 0, true);
    }
  }

  private static boolean isInt(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  /** A String or GoString method, as Go calls it for the verbs that print strings. */
  private boolean handleMethods(int verb) {
    if (erroring) {
      return false;
    }
    if (verb == 'w') { // only fmt.Errorf may wrap errors
      badVerb(verb);
      return true;
    }
    if (sharpV) {
      if (arg instanceof GoTime t) {
        fmtS(goString(t));
        return true;
      }
      return false;
    }
    switch (verb) {
      case 'v', 's', 'x', 'X', 'q' -> {
        if (arg instanceof GoTime || arg instanceof GoDuration) {
          fmtString(arg.toString(), verb);
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  /** Prints a value by its kind; {@code canInterface} is false for unexported struct fields. */
  private void printValue(Object v, int verb, int depth, boolean canInterface) {
    if (depth > 0 && v != null && canInterface) {
      arg = v;
      if (handleMethods(verb)) {
        return;
      }
    }
    arg = null;
    value = v;
    if (v == null) { // an interface holding nil, inside a slice or map
      write(sharpV ? "interface {}(nil)" : "<nil>");
      return;
    }
    if (v instanceof Boolean b) {
      fmtBool(b, verb);
    } else if (isInt(v)) {
      fmtInteger(((Number) v).longValue(), true, verb);
    } else if (v instanceof Int64 i) {
      fmtInteger(i.value(), true, verb);
    } else if (v instanceof Uint64 u) {
      fmtInteger(u.bits(), false, verb);
    } else if (v instanceof GoDuration d) {
      fmtInteger(d.nanos(), true, verb);
    } else if (v instanceof Double || v instanceof Float) {
      fmtFloat(((Number) v).doubleValue(), verb);
    } else if (v instanceof String s) {
      fmtString(s, verb);
    } else if (v instanceof SafeHtml h) {
      fmtString(h.html(), verb);
    } else if (v instanceof NilPointer) {
      fmtPointer(v, verb);
    } else if (v instanceof AlertmanagerData data) {
      // A pointer to a struct: & and the struct, at the top only.
      if (depth == 0) {
        write("&");
        printValue(new Deref(data), verb, depth + 1, true);
      } else {
        fmtPointer(v, verb);
      }
    } else if (v instanceof Map<?, ?> map) {
      printMap(v, map, verb, depth);
    } else if (fields(v) != null) {
      printStruct(v, verb, depth);
    } else if (v instanceof Collection<?> list) {
      if (sharpV) {
        write(goType(v));
        write("{");
      } else {
        write("[");
      }
      int i = 0;
      for (Object element : list) {
        if (i++ > 0) {
          write(sharpV ? ", " : " ");
        }
        printValue(element, verb, depth + 1, true);
      }
      write(sharpV ? "}" : "]");
    } else {
      fmtString(v.toString(), verb);
    }
  }

  private void printMap(Object v, Map<?, ?> map, int verb, int depth) {
    if (sharpV) {
      write(goType(v));
      write("{");
    } else {
      write("map[");
    }
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    entries.sort((x, y) -> compareKeys(x.getKey(), y.getKey()));
    int i = 0;
    for (Map.Entry<?, ?> e : entries) {
      if (i++ > 0) {
        write(sharpV ? ", " : " ");
      }
      printValue(e.getKey(), verb, depth + 1, true);
      write(":");
      printValue(e.getValue(), verb, depth + 1, true);
    }
    write(sharpV ? "}" : "]");
  }

  /** Go's sorted map keys: numbers by value, strings byte by byte (code point order). */
  private static int compareKeys(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      int i = 0;
      int j = 0;
      while (i < x.length() && j < y.length()) {
        int cx = x.codePointAt(i);
        int cy = y.codePointAt(j);
        if (cx != cy) {
          return Integer.compare(cx, cy);
        }
        i += Character.charCount(cx);
        j += Character.charCount(cy);
      }
      return Boolean.compare(i < x.length(), j < y.length());
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  private void printStruct(Object v, int verb, int depth) {
    if (sharpV) {
      write(goType(v));
    }
    write("{");
    int i = 0;
    for (Field f : fields(v)) {
      if (i++ > 0) {
        write(sharpV ? ", " : " ");
      }
      if (plusV || sharpV) {
        write(f.name());
        write(":");
      }
      printValue(f.value(), verb, depth + 1, f.exported());
    }
    write("}");
  }

  /** The fields of a value Go sees as a struct, in declaration order; null if it is none. */
  private static List<Field> fields(Object v) {
    if (v instanceof AlertmanagerData.Alert a) {
      return List.of(
          new Field("Status", a.field("Status"), true),
          new Field("Labels", a.field("Labels"), true),
          new Field("Annotations", a.field("Annotations"), true),
          new Field("StartsAt", a.field("StartsAt"), true),
          new Field("EndsAt", a.field("EndsAt"), true),
          new Field("GeneratorURL", a.field("GeneratorURL"), true),
          new Field("Fingerprint", a.field("Fingerprint"), true));
    }
    if (v instanceof KV.Pair p) {
      return List.of(new Field("Name", p.name(), true), new Field("Value", p.value(), true));
    }
    if (v instanceof Deref d) {
      AlertmanagerData data = d.data();
      return List.of(
          new Field("Receiver", data.field("Receiver"), true),
          new Field("Status", data.field("Status"), true),
          new Field("Alerts", data.field("Alerts"), true),
          new Field("GroupLabels", data.field("GroupLabels"), true),
          new Field("CommonLabels", data.field("CommonLabels"), true),
          new Field("CommonAnnotations", data.field("CommonAnnotations"), true),
          new Field("ExternalURL", data.field("ExternalURL"), true));
    }
    if (v instanceof GoTime t) {
      // A time.Time without a monotonic reading: nanoseconds, seconds since year 1, location
      // (nil for UTC).
      ZonedDateTime z = t.zoned();
      return List.of(
          new Field("wall", new Uint64(z.getNano()), false),
          new Field("ext", new Int64(z.toEpochSecond() + UNIX_TO_INTERNAL), false),
          new Field("loc", new NilPointer("*time.Location"), false));
    }
    return null;
  }

  /** Go's type name, as %T and the error forms print it. */
  static String goType(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long || v instanceof Integer) {
      return "int";
    }
    if (v instanceof Short) {
      return "int16";
    }
    if (v instanceof Byte) {
      return "int8";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Float) {
      return "float32";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Int64) {
      return "int64";
    }
    if (v instanceof Uint64) {
      return "uint64";
    }
    if (v instanceof NilPointer p) {
      return p.type();
    }
    if (v instanceof SafeHtml) {
      return "template.HTML";
    }
    if (v instanceof GoTime) {
      return "time.Time";
    }
    if (v instanceof GoDuration) {
      return "time.Duration";
    }
    if (v instanceof AlertmanagerData) {
      return "*template.Data";
    }
    if (v instanceof Deref) {
      return "template.Data";
    }
    if (v instanceof KV.Pair) {
      return "template.Pair";
    }
    if (v instanceof TemplateObject t) {
      return t.typeName(); // template.KV, template.Pairs, template.Pair, template.Alerts, ...
    }
    if (v instanceof Map<?, ?> m) {
      boolean strings = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        strings &= e.getKey() instanceof String && e.getValue() instanceof String;
      }
      return strings ? "map[string]string" : "map[string]interface {}";
    }
    if (v instanceof Collection<?> c) {
      if (c.stream().allMatch(e -> e instanceof String)) {
        return "[]string";
      }
      if (c.stream().allMatch(e -> e instanceof AlertmanagerData.Alert)) {
        return "[]template.Alert";
      }
      return "[]interface {}";
    }
    return v.getClass().getSimpleName();
  }

  /** time.Time's GoString. */
  private static String goString(GoTime t) {
    ZonedDateTime z = t.zoned();
    String location;
    if (z.getZone().equals(ZoneOffset.UTC) || z.getZone().getId().equals("UTC")) {
      location = "time.UTC";
    } else {
      location = "time.Location(" + quote(z.getZone().getId(), false) + ")";
    }
    return "time.Date("
        + z.getYear()
        + ", time."
        + z.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
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
        + location
        + ")";
  }

  // ---- kinds

  private void fmtPointer(Object v, int verb) {
    if (!(v instanceof NilPointer)) {
      // Go prints an address; a Java value has none to show.
      badVerb(verb);
      return;
    }
    switch (verb) {
      case 'v' -> {
        if (sharpV) {
          write("(" + goType(v) + ")(nil)");
        } else {
          pad("<nil>");
        }
      }
      case 'p' -> fmt0x64(0, !sharp);
      case 'b', 'o', 'd', 'x', 'X' -> fmtInteger(0, false, verb);
      default -> badVerb(verb);
    }
  }

  private void fmtBool(boolean v, int verb) {
    if (verb == 't' || verb == 'v') {
      pad(v ? "true" : "false");
    } else {
      badVerb(verb);
    }
  }

  private void fmtInteger(long v, boolean signed, int verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV && !signed) {
          fmt0x64(v, true);
        } else {
          fmtInteger(v, 10, signed, verb, LOWER_HEX);
        }
      }
      case 'd' -> fmtInteger(v, 10, signed, verb, LOWER_HEX);
      case 'b' -> fmtInteger(v, 2, signed, verb, LOWER_HEX);
      case 'o', 'O' -> fmtInteger(v, 8, signed, verb, LOWER_HEX);
      case 'x' -> fmtInteger(v, 16, signed, verb, LOWER_HEX);
      case 'X' -> fmtInteger(v, 16, signed, verb, UPPER_HEX);
      case 'c' -> fmtC(v);
      case 'q' -> fmtQc(v);
      case 'U' -> fmtUnicode(v);
      default -> badVerb(verb);
    }
  }

  private void fmt0x64(long v, boolean leading0x) {
    boolean saved = sharp;
    sharp = leading0x;
    fmtInteger(v, 16, false, 'v', LOWER_HEX);
    sharp = saved;
  }

  private void fmtInteger(long u, int base, boolean signed, int verb, String digits) {
    boolean negative = signed && u < 0;
    if (negative) {
      u = -u; // as unsigned, also for the smallest long
    }
    int precision = 0;
    if (precPresent) {
      precision = prec;
      if (precision == 0 && u == 0) { // prints nothing but the padding
        boolean oldZero = zero;
        zero = false;
        writePadding(wid);
        zero = oldZero;
        return;
      }
    } else if (zero && widPresent) {
      precision = wid;
      if (negative || plus || space) {
        precision--; // room for the sign
      }
    }
    String number = Long.toUnsignedString(u, base);
    if (digits == UPPER_HEX) {
      number = number.toUpperCase(Locale.ROOT);
    }
    int zeros = precision - number.length();
    reserve(zeros);
    StringBuilder out = new StringBuilder();
    if (negative) {
      out.append('-');
    } else if (plus) {
      out.append('+');
    } else if (space) {
      out.append(' ');
    }
    if (verb == 'O') {
      out.append("0o");
    }
    if (sharp) {
      switch (base) {
        case 2 -> out.append("0b");
        case 8 -> {
          if (zeros <= 0 && number.charAt(0) != '0') {
            out.append('0');
          }
        }
        case 16 -> out.append('0').append(digits.charAt(16));
        default -> {}
      }
    }
    out.append("0".repeat(Math.max(0, zeros))).append(number);
    boolean oldZero = zero;
    zero = false; // zeros are in already, as precision
    pad(out.toString());
    zero = oldZero;
  }

  private static int rune(long c) {
    int r = Long.compareUnsigned(c, MAX_RUNE) > 0 ? RUNE_ERROR : (int) c;
    return validRune(r) ? r : RUNE_ERROR;
  }

  private static boolean validRune(int r) {
    return r >= 0 && r <= MAX_RUNE && !(r >= 0xD800 && r <= 0xDFFF);
  }

  private void fmtC(long c) {
    pad(new String(Character.toChars(rune(c))));
  }

  private void fmtQc(long c) {
    StringBuilder out = new StringBuilder("'");
    appendEscapedRune(out, rune(c), '\'', plus);
    pad(out.append('\'').toString());
  }

  private void fmtUnicode(long u) {
    int precision = 4;
    if (precPresent && prec > 4) {
      precision = prec;
      reserve(precision);
    }
    String hex = Long.toHexString(u).toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder("U+");
    out.append("0".repeat(Math.max(0, precision - hex.length()))).append(hex);
    if (sharp && Long.compareUnsigned(u, MAX_RUNE) <= 0 && isPrint((int) u)) {
      out.append(" '").appendCodePoint((int) u).append('\'');
    }
    boolean oldZero = zero;
    zero = false;
    pad(out.toString());
    zero = oldZero;
  }

  private void fmtString(String s, int verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV) {
          fmtQ(s);
        } else {
          fmtS(s);
        }
      }
      case 's' -> fmtS(s);
      case 'x' -> fmtSx(s, LOWER_HEX);
      case 'X' -> fmtSx(s, UPPER_HEX);
      case 'q' -> fmtQ(s);
      default -> badVerb(verb);
    }
  }

  /** The precision (in runes) cuts the string. */
  private String truncate(String s) {
    if (precPresent) {
      int n = 0;
      for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
        if (n++ == prec) {
          return s.substring(0, i);
        }
      }
    }
    return s;
  }

  private void fmtS(String s) {
    pad(truncate(s));
  }

  /** Hex of the UTF-8 bytes; the precision counts bytes; space and sharp flags as Go has them. */
  private void fmtSx(String s, String digits) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int length = b.length;
    if (precPresent && prec < length) {
      length = prec;
    }
    long width = 2L * length;
    if (width > 0) {
      if (space) {
        if (sharp) {
          width *= 2;
        }
        width += length - 1;
      } else if (sharp) {
        width += 2;
      }
    } else {
      if (widPresent) {
        writePadding(wid);
      }
      return;
    }
    if (widPresent && wid > width && !minus) {
      writePadding((int) (wid - width));
    }
    reserve(width);
    if (sharp) {
      buf.append('0').append(digits.charAt(16));
    }
    for (int i = 0; i < length; i++) {
      if (space && i > 0) {
        buf.append(' ');
        if (sharp) {
          buf.append('0').append(digits.charAt(16));
        }
      }
      int c = b[i] & 0xFF;
      buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
    }
    if (widPresent && wid > width && minus) {
      writePadding((int) (wid - width));
    }
  }

  private void fmtQ(String s) {
    s = truncate(s);
    if (sharp && canBackquote(s)) {
      pad("`" + s + "`");
      return;
    }
    pad(quote(s, plus));
  }

  // ---- strconv

  /** strconv.Quote, or QuoteToASCII. */
  static String quote(String s, boolean asciiOnly) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      appendEscapedRune(out, validRune(r) ? r : RUNE_ERROR, '"', asciiOnly);
    }
    return out.append('"').toString();
  }

  private static void appendEscapedRune(StringBuilder out, int r, char quote, boolean asciiOnly) {
    if (r == quote || r == '\\') {
      out.append('\\').append((char) r);
      return;
    }
    if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
      out.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0B -> out.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7F) {
          out.append("\\x").append(LOWER_HEX.charAt(r >> 4)).append(LOWER_HEX.charAt(r & 0xF));
        } else if (r < 0x10000) {
          out.append("\\u").append(String.format("%04x", r));
        } else {
          out.append("\\U").append(String.format("%08x", r));
        }
      }
    }
  }

  /** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  static boolean isPrint(int r) {
    if (r == ' ') {
      return true;
    }
    return switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  private static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (r >= 0x80) {
        if (r == 0xFEFF || !validRune(r)) {
          return false;
        }
        continue;
      }
      if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) {
        return false;
      }
    }
    return true;
  }

  // ---- floats

  private void fmtFloat(double v, int verb) {
    switch (verb) {
      case 'v' -> fmtFloat(v, 'g', -1);
      case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(v, (char) verb, -1);
      case 'f', 'e', 'E' -> fmtFloat(v, (char) verb, 6);
      case 'F' -> fmtFloat(v, 'f', 6);
      default -> badVerb(verb);
    }
  }

  private void fmtFloat(double v, char verb, int precision) {
    if (precPresent) {
      precision = prec;
      reserve(precision); // %.1000000f: fail before building it
    }
    String formatted = formatFloat(v, verb, precision);
    StringBuilder num = new StringBuilder(formatted.length() + 1);
    if (formatted.charAt(0) != '-' && formatted.charAt(0) != '+') {
      num.append('+');
    }
    num.append(formatted);
    if (space && num.charAt(0) == '+' && !plus) {
      num.setCharAt(0, ' ');
    }
    if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
      // Infinities and NaN are not padded with zeros; NaN has no sign unless asked.
      boolean oldZero = zero;
      zero = false;
      if (num.charAt(1) == 'N' && !space && !plus) {
        num.deleteCharAt(0);
      }
      pad(num.toString());
      zero = oldZero;
      return;
    }
    if (sharp && verb != 'b') {
      // A decimal point always, and trailing zeros kept for %g.
      int digits = 0;
      if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
        digits = precision == -1 ? 6 : precision;
      }
      String tail = "";
      boolean hasDecimalPoint = false;
      boolean sawNonzeroDigit = false;
      for (int i = 1; i < num.length(); i++) {
        char c = num.charAt(i);
        if (c == '.') {
          hasDecimalPoint = true;
        } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
          tail = num.substring(i);
          num.setLength(i);
        } else {
          if (c != '0') {
            sawNonzeroDigit = true;
          }
          if (sawNonzeroDigit) {
            digits--;
          }
        }
      }
      if (!hasDecimalPoint) {
        if (num.length() == 2 && num.charAt(1) == '0') {
          digits--; // a leading 0 counts once
        }
        num.append('.');
      }
      reserve(digits);
      while (digits > 0) {
        num.append('0');
        digits--;
      }
      num.append(tail);
    }
    if (plus || num.charAt(0) != '+') {
      if (zero && widPresent && wid > num.length()) {
        // Zero padding goes between the sign and the number.
        write(num, 0, 1);
        writePadding(wid - num.length());
        write(num, 1, num.length());
        return;
      }
      pad(num.toString());
      return;
    }
    pad(num.substring(1));
  }

  /** A decimal's significant digits, no trailing zeros, and where its point is. */
  private record Digits(String d, int dp) {
    int nd() {
      return d.length();
    }

    static Digits of(BigDecimal x) {
      if (x.signum() == 0) {
        return new Digits("", 0);
      }
      x = x.stripTrailingZeros();
      String u = x.unscaledValue().toString();
      return new Digits(u, u.length() - x.scale());
    }
  }

  /** strconv.FormatFloat(v, fmt, prec, 64). */
  static String formatFloat(double v, char fmt, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    long bits = Double.doubleToRawLongBits(v);
    boolean neg = bits < 0;
    if (fmt == 'b' || fmt == 'x' || fmt == 'X') {
      int exp = (int) ((bits >>> 52) & 0x7FF);
      long mant = bits & ((1L << 52) - 1);
      if (exp == 0) {
        exp++;
      } else {
        mant |= 1L << 52;
      }
      exp -= 1023;
      return fmt == 'b' ? fmtB(neg, mant, exp) : fmtX(prec, fmt, neg, mant, exp);
    }
    BigDecimal exact = new BigDecimal(Math.abs(v));
    Digits digs;
    boolean shortest = prec < 0;
    if (shortest) {
      digs = shortest(Math.abs(v), exact);
      switch (fmt) {
        case 'e', 'E' -> prec = Math.max(digs.nd() - 1, 0);
        case 'f' -> prec = Math.max(digs.nd() - digs.dp(), 0);
        default -> prec = digs.nd();
      }
    } else if (fmt == 'f') {
      // A double has at most 1074 digits after the point: a longer precision changes nothing.
      digs = Digits.of(exact.setScale(Math.min(prec, 1100), RoundingMode.HALF_EVEN));
    } else {
      int significant = fmt == 'e' || fmt == 'E' ? prec + 1 : Math.max(prec, 1);
      if (fmt == 'g' || fmt == 'G') {
        prec = significant;
      }
      digs = Digits.of(exact.round(new MathContext(significant, RoundingMode.HALF_EVEN)));
    }
    StringBuilder out = new StringBuilder();
    if (neg) {
      out.append('-');
    }
    switch (fmt) {
      case 'e', 'E' -> fmtE(out, digs, prec, fmt);
      case 'f' -> fmtF(out, digs, prec);
      case 'g', 'G' -> {
        int eprec = prec;
        if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
          eprec = digs.nd();
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = digs.dp() - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > digs.nd()) {
            prec = digs.nd();
          }
          fmtE(out, digs, prec - 1, fmt == 'g' ? 'e' : 'E');
        } else {
          if (prec > digs.dp()) {
            prec = digs.nd();
          }
          fmtF(out, digs, Math.max(prec - digs.dp(), 0));
        }
      }
      default -> out.append('%').append(fmt);
    }
    return out.toString();
  }

  /** The shortest decimal that reads back as v, the nearest one of that length. */
  private static Digits shortest(double v, BigDecimal exact) {
    if (v == 0) {
      return new Digits("", 0);
    }
    for (int p = 1; p <= 17; p++) {
      BigDecimal best = null;
      for (RoundingMode mode :
          new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(p, mode));
        if (candidate.doubleValue() == v
            && (best == null
                || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
          best = candidate;
        }
      }
      if (best != null) {
        return Digits.of(best);
      }
    }
    return Digits.of(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  /** %e: d.ddddde±dd. */
  private static void fmtE(StringBuilder out, Digits d, int prec, char fmt) {
    out.append(d.nd() == 0 ? '0' : d.d().charAt(0));
    if (prec > 0) {
      out.append('.');
      int i = 1;
      int m = Math.min(d.nd(), prec + 1);
      if (i < m) {
        out.append(d.d(), i, m);
        i = m;
      }
      for (; i <= prec; i++) {
        out.append('0');
      }
    }
    out.append(fmt);
    int exp = d.nd() == 0 ? 0 : d.dp() - 1;
    out.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      out.append('0');
    }
    out.append(exp);
  }

  /** %f: ddddd.ddddd. */
  private static void fmtF(StringBuilder out, Digits d, int prec) {
    if (d.dp() > 0) {
      int m = Math.min(d.nd(), d.dp());
      out.append(d.d(), 0, m);
      for (; m < d.dp(); m++) {
        out.append('0');
      }
    } else {
      out.append('0');
    }
    if (prec > 0) {
      out.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = d.dp() + i - 1;
        out.append(0 <= j && j < d.nd() ? d.d().charAt(j) : '0');
      }
    }
  }

  /** %b: the mantissa and binary exponent, 4503599627370496p-52. */
  private static String fmtB(boolean neg, long mant, int exp) {
    exp -= 52;
    return (neg ? "-" : "") + mant + "p" + (exp >= 0 ? "+" : "") + exp;
  }

  /** %x: -0x1.yyyyp±dd, with prec hex digits (all needed if negative). */
  private static String fmtX(int prec, char fmt, boolean neg, long mant, int exp) {
    if (mant == 0) {
      exp = 0;
    }
    // The leading 1, if any, at bit 60.
    mant <<= 60 - 52;
    while (mant != 0 && (mant & (1L << 60)) == 0) {
      mant <<= 1;
      exp--;
    }
    if (prec >= 0 && prec < 15) {
      int shift = prec * 4;
      long extra = (mant << shift) & ((1L << 60) - 1);
      mant >>>= 60 - shift;
      if ((extra | (mant & 1)) > (1L << 59)) {
        mant++;
      }
      mant <<= 60 - shift;
      if ((mant & (1L << 61)) != 0) { // carried into a new digit
        mant >>>= 1;
        exp++;
      }
    }
    String hex = fmt == 'X' ? UPPER_HEX : LOWER_HEX;
    StringBuilder out = new StringBuilder();
    if (neg) {
      out.append('-');
    }
    out.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
    mant <<= 4; // drop the leading digit
    if (prec < 0 && mant != 0) {
      out.append('.');
      while (mant != 0) {
        out.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    } else if (prec > 0) {
      out.append('.');
      for (int i = 0; i < prec; i++) {
        out.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    }
    out.append(fmt == 'X' ? 'P' : 'p');
    out.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      out.append('0');
    }
    out.append(exp);
    return out.toString();
  }
}
