package io.alertstream.templates;

import java.util.List;

/**
 * Go's fmt for templates: {@code printf}, {@code print} and {@code println}, and how an action
 * prints a value, with Go's output for every kind of value Alertmanager's templates see.
 */
final class GoFmt {

  private GoFmt() {}

  /**
   * fmt.Sprintf.
   *
   * @param maxChars the longest result allowed: a longer one fails before it is built
   */
  static String sprintf(String format, List<Object> args, long maxChars) throws TemplateException {
    return Printf.sprintf(format, args, maxChars);
  }

  /** fmt.Sprint: a space between two operands when neither is a string. */
  static String sprint(List<Object> args) {
    return unbounded(
        (out, printer) -> {
          for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (i > 0 && !GoShapes.isString(arg) && !GoShapes.isString(args.get(i - 1))) {
              out.append(' ');
            }
            printer.printArg(arg, 'v', FmtSpec.NONE);
          }
        });
  }

  /** fmt.Sprintln: spaces between all operands, and a newline. */
  static String sprintln(List<Object> args) {
    return unbounded(
        (out, printer) -> {
          for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
              out.append(' ');
            }
            printer.printArg(args.get(i), 'v', FmtSpec.NONE);
          }
          out.append('\n');
        });
  }

  /**
   * How {@code {{ value }}} prints: fmt.Print of the value, except that text/template first follows
   * a pointer, so the data prints as {...} and not &amp;{...}.
   */
  static String print(Object value) {
    Object shown = value instanceof AlertmanagerData ? GoShapes.dereferenced(value) : value;
    return sprint(java.util.Collections.singletonList(shown));
  }

  /** Go's %v of a float64: shortest digits, an exponent below 1e-4 and from 1e+06. */
  static String formatFloat(double d) {
    StringBuilder out = new StringBuilder();
    FloatText.format(d, 'v', FmtSpec.NONE).appendTo(out);
    return out.toString();
  }

  private interface Job {
    void run(FmtBuffer out, ValuePrinter printer) throws TemplateException;
  }

  /** Print and Println take no width, so nothing they build can outgrow what they were given. */
  private static String unbounded(Job job) {
    FmtBuffer out = new FmtBuffer(Integer.MAX_VALUE);
    try {
      job.run(out, new ValuePrinter(out));
    } catch (TemplateException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
