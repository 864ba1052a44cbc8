package io.alertstream.connectors.rendering;

/** Go's string functions that Alertmanager's data and templates rely on. */
public final class GoText {

  private static final String REGEX_SPECIAL = "\\.+*?()|[]{}^$";

  private GoText() {}

  /** {@code regexp.QuoteMeta}: a backslash before each regular-expression metacharacter. */
  public static String quoteMeta(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (REGEX_SPECIAL.indexOf(c) >= 0) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append('\\');
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Alertmanager's {@code TruncateInRunes}: text longer than {@code max} code points is cut to
   * {@code max - 1} and ends in an ellipsis.
   */
  public static String truncateInRunes(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }
}
