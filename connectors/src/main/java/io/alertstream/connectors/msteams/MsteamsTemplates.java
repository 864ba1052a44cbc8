package io.alertstream.connectors.msteams;

import io.alertstream.connectors.rendering.MarkdownAlerts;
import io.alertstream.templates.TemplateSet;

/**
 * Alertmanager's default Microsoft Teams templates: title and summary are the subject, the text
 * lists the firing and resolved alerts in markdown ({@code __text_alert_list_markdown}).
 */
public final class MsteamsTemplates {

  private MsteamsTemplates() {}

  public static void register(TemplateSet.Builder builder) {
    builder.nativeTemplate("msteams.default.summary", (dot, out) -> out.template("__subject", dot));
    builder.nativeTemplate("msteams.default.title", (dot, out) -> out.template("__subject", dot));
    builder.nativeTemplate("msteams.default.text", MarkdownAlerts::firingThenResolved);
  }
}
