package io.alertstream.connectors.victorops;

import io.alertstream.connectors.rendering.DefaultTemplates;
import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.KV;
import io.alertstream.templates.NativeTemplate;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;

/**
 * Alertmanager's {@code victorops.default.*} templates: the entity display name is the subject, the
 * monitoring tool the product name, the state message the common annotation values and the firing
 * and resolved alerts.
 */
public final class VictoropsDefaults {

  private VictoropsDefaults() {}

  public static void register(TemplateSet.Builder builder) {
    builder.nativeTemplate("victorops.default.state_message", VictoropsDefaults::stateMessage);
    builder.nativeTemplate(
        "victorops.default.entity_display_name", DefaultTemplates.calls("__subject"));
    builder.nativeTemplate(
        "victorops.default.monitoring_tool", DefaultTemplates.calls("__alertmanager"));
  }

  /**
   * The common annotation values and a line break, then {@code Alerts Firing:} and the list, a line
   * break, then {@code Alerts Resolved:} and the list, each part only when it has alerts.
   */
  static void stateMessage(Object dot, NativeTemplate.Output out) throws TemplateException {
    if (!(dot instanceof AlertmanagerData d)) {
      throw new TemplateException(
          "victorops.default.state_message was given something other than the data");
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
