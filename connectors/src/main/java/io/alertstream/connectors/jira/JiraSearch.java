package io.alertstream.connectors.jira;

import java.time.Duration;

/** The JQL Alertmanager searches a group's issue with. */
final class JiraSearch {

  private JiraSearch() {}

  /**
   * Open issues with the group's label in the project, or, while firing with a reopen transition
   * and duration, also those resolved within the duration; never those resolved as won't fix.
   * Unresolved issues first, then the most recently resolved.
   */
  static String jql(
      String project,
      String alertLabel,
      boolean firing,
      String reopenTransition,
      Duration reopenDuration,
      String wontFixResolution) {
    StringBuilder jql = new StringBuilder();
    if (!wontFixResolution.isEmpty()) {
      jql.append("(resolution is EMPTY or resolution != ")
          .append(goQuote(wontFixResolution))
          .append(") and ");
    }
    long minutes = reopenDuration.toMinutes();
    if (firing && !reopenTransition.isEmpty() && minutes > 0) {
      jql.append("(resolutiondate is EMPTY OR resolutiondate >= -")
          .append(minutes)
          .append("m) and ");
    } else {
      jql.append("statusCategory != Done and ");
    }
    jql.append("project=")
        .append(goQuote(project))
        .append(" and labels=")
        .append(goQuote(alertLabel))
        .append(" order by status ASC,resolutiondate DESC");
    return jql.toString();
  }

  /** Go's {@code %q}: a double-quoted string with Go escapes. */
  static String goQuote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 11 -> out.append("\\v");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }
}
