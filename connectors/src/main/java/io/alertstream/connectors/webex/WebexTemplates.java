package io.alertstream.connectors.webex;

import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.KV;
import io.alertstream.templates.NativeTemplate;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;

/**
 * Alertmanager's default Webex message: the common annotations' values, then the firing and
 * resolved alerts as text lists.
 */
public final class WebexTemplates {

  private WebexTemplates() {}

  public static void register(TemplateSet.Builder builder) {
    builder.nativeTemplate("webex.default.message", WebexTemplates::message);
  }

  private static void message(Object dot, NativeTemplate.Output out) throws TemplateException {
    if (!(dot instanceof AlertmanagerData d)) {
      throw new TemplateException("webex.default.message was given something other than data");
    }
    out.value(
        String.join(
            " ", d.commonAnnotations().sortedPairs().stream().map(KV.Pair::value).toList()));
    out.text("\n");
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
