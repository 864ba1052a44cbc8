package io.alertstream.connectors.opsgenie;

import io.alertstream.connectors.rendering.DefaultTemplates;
import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.KV;
import io.alertstream.templates.NativeTemplate;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;

/**
 * Alertmanager's {@code opsgenie.default.*} templates: the message is the subject, the source the
 * alerts page, the description the common annotation values and the firing and resolved alerts.
 */
public final class OpsgenieDefaults {

  private OpsgenieDefaults() {}

  public static void register(TemplateSet.Builder builder) {
    builder.nativeTemplate("opsgenie.default.message", DefaultTemplates.calls("__subject"));
    builder.nativeTemplate("opsgenie.default.description", OpsgenieDefaults::description);
    builder.nativeTemplate("opsgenie.default.source", DefaultTemplates.calls("__alertmanagerURL"));
  }

  /**
   * The common annotation values, a line break, then {@code Alerts Firing:} and the list, a line
   * break, then {@code Alerts Resolved:} and the list, each part only when it has alerts.
   */
  static void description(Object dot, NativeTemplate.Output out) throws TemplateException {
    if (!(dot instanceof AlertmanagerData d)) {
      throw new TemplateException(
          "opsgenie.default.description was given something other than the data");
    }
    out.value(
            String.join(
                " ", d.commonAnnotations().sortedPairs().stream().map(KV.Pair::value).toList()))
        .text("\n");
    if (!d.alerts().firing().isEmpty()) {
      out.text("Alerts Firing:\n").template("__text_alert_list", d.alerts().firing());
    }
    out.text("\n");
    if (!d.alerts().resolved().isEmpty()) {
      out.text("Alerts Resolved:\n").template("__text_alert_list", d.alerts().resolved());
    }
  }
}
