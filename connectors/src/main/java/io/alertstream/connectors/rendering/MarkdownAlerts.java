package io.alertstream.connectors.rendering;

import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.KV;
import io.alertstream.templates.NativeTemplate;
import io.alertstream.templates.TemplateException;

/**
 * The markdown alert lists of Alertmanager's defaults for Mattermost, Microsoft Teams and Jira,
 * written natively with the same output: {@code __text_alert_list_markdown} and the text that lists
 * the firing, then the resolved alerts with it.
 */
public final class MarkdownAlerts {

  /** The built-in name of the list. */
  static final String LIST = "__text_alert_list_markdown";

  private MarkdownAlerts() {}

  /**
   * A blank line, {@code # Alerts Firing:} and their list when some fire, a blank line, {@code #
   * Alerts Resolved:} and theirs when some are resolved, and a closing newline.
   */
  public static void firingThenResolved(Object dot, NativeTemplate.Output out)
      throws TemplateException {
    if (!(dot instanceof AlertmanagerData d)) {
      throw new TemplateException("a built-in template was given something other than the data");
    }
    out.text("\n");
    if (!d.alerts().firing().isEmpty()) {
      out.text("\n# Alerts Firing:\n").template(LIST, d.alerts().firing()).text("\n");
    }
    out.text("\n");
    if (!d.alerts().resolved().isEmpty()) {
      out.text("\n# Alerts Resolved:\n").template(LIST, d.alerts().resolved()).text("\n");
    }
    out.text("\n");
  }

  /**
   * {@code __text_alert_list_markdown}: per alert a blank line, its labels and annotations as
   * indented {@code - name = value} items, and its source; a newline after the last.
   */
  static void list(Object dot, NativeTemplate.Output out) throws TemplateException {
    if (!(dot instanceof AlertmanagerData.Alerts alerts)) {
      throw new TemplateException(LIST + " was given something other than alerts");
    }
    for (AlertmanagerData.Alert alert : alerts) {
      out.text("\nLabels:\n");
      pairs(alert.labels(), out);
      out.text("\nAnnotations:\n");
      pairs(alert.annotations(), out);
      out.text("\nSource: ").value(alert.generatorUrl()).text("\n");
    }
    out.text("\n");
  }

  private static void pairs(KV kv, NativeTemplate.Output out) throws TemplateException {
    for (KV.Pair p : kv.sortedPairs()) {
      out.text("  - ").value(p.name()).text(" = ").value(p.value()).text("\n");
    }
  }
}
