package io.alertstream.connectors.sns;

import io.alertstream.connectors.rendering.DefaultTemplates;
import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.KV;
import io.alertstream.templates.NativeTemplate;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;

/**
 * Alertmanager's {@code sns.default.*} templates: the subject is {@code __subject}, the message the
 * common annotation values and the firing and resolved alerts.
 */
public final class SnsDefaults {

  private SnsDefaults() {}

  public static void register(TemplateSet.Builder builder) {
    builder.nativeTemplate("sns.default.subject", DefaultTemplates.calls("__subject"));
    builder.nativeTemplate("sns.default.message", SnsDefaults::message);
  }

  /**
   * The common annotation values and a line break; then, when there are firing alerts, a blank
   * line, {@code Alerts Firing:}, the list and a line break; a line break; the same for resolved
   * alerts; a last line break (the template has no whitespace trimming).
   */
  static void message(Object dot, NativeTemplate.Output out) throws TemplateException {
    if (!(dot instanceof AlertmanagerData d)) {
      throw new TemplateException("sns.default.message was given something other than the data");
    }
    out.value(
            String.join(
                " ", d.commonAnnotations().sortedPairs().stream().map(KV.Pair::value).toList()))
        .text("\n");
    if (!d.alerts().firing().isEmpty()) {
      out.text("\nAlerts Firing:\n").template("__text_alert_list", d.alerts().firing()).text("\n");
    }
    out.text("\n");
    if (!d.alerts().resolved().isEmpty()) {
      out.text("\nAlerts Resolved:\n")
          .template("__text_alert_list", d.alerts().resolved())
          .text("\n");
    }
    out.text("\n");
  }
}
