package io.alertstream.connectors.jira;

import static io.alertstream.connectors.rendering.DefaultTemplates.calls;

import io.alertstream.connectors.rendering.MarkdownAlerts;
import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.NativeTemplate;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import java.util.List;

/**
 * Alertmanager's {@code jira.default.*} templates, written natively with the same output: the
 * subject as summary, the markdown alert lists as description, and a priority from the alerts'
 * {@code severity} labels.
 */
public final class JiraTemplates {

  private JiraTemplates() {}

  public static void register(TemplateSet.Builder builder) {
    builder.nativeTemplate("jira.default.summary", calls("__subject"));
    builder.nativeTemplate("jira.default.description", MarkdownAlerts::firingThenResolved);
    builder.nativeTemplate("jira.default.priority", JiraTemplates::priority);
  }

  /**
   * {@code jira.default.priority}: High when a firing alert is critical, else Medium when one is a
   * warning, else Low when one is info; the resolved alerts decide the same way when no firing
   * alert did; nothing when none has such a severity.
   */
  private static void priority(Object dot, NativeTemplate.Output out) throws TemplateException {
    if (!(dot instanceof AlertmanagerData d)) {
      throw new TemplateException("a built-in template was given something other than the data");
    }
    String priority = priority(d.alerts().firing(), "");
    if (priority.isEmpty()) {
      priority = priority(d.alerts().resolved(), priority);
    }
    out.text(priority);
  }

  private static String priority(List<AlertmanagerData.Alert> alerts, String start) {
    String priority = start;
    for (AlertmanagerData.Alert alert : alerts) {
      String severity = alert.labels().getOrDefault("severity", "");
      if (severity.equals("critical")) {
        priority = "High";
      } else if (severity.equals("warning") && !priority.equals("High")) {
        priority = "Medium";
      } else if (severity.equals("info") && priority.isEmpty()) {
        priority = "Low";
      }
    }
    return priority;
  }
}
