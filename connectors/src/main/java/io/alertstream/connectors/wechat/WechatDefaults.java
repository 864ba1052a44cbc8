package io.alertstream.connectors.wechat;

import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.KV;
import io.alertstream.templates.NativeTemplate;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;

/**
 * Alertmanager's {@code wechat.default.*} templates: the message (subject, common annotation
 * values, firing and resolved alerts, the alerts page); the recipients and agent id are empty.
 */
public final class WechatDefaults {

  private static final NativeTemplate NOTHING = (dot, out) -> {};

  private WechatDefaults() {}

  public static void register(TemplateSet.Builder builder) {
    builder.nativeTemplate("wechat.default.message", WechatDefaults::message);
    builder.nativeTemplate("wechat.default.to_user", NOTHING);
    builder.nativeTemplate("wechat.default.to_party", NOTHING);
    builder.nativeTemplate("wechat.default.to_tag", NOTHING);
    builder.nativeTemplate("wechat.default.agent_id", NOTHING);
  }

  static void message(Object dot, NativeTemplate.Output out) throws TemplateException {
    if (!(dot instanceof AlertmanagerData d)) {
      throw new TemplateException("wechat.default.message was given something other than the data");
    }
    out.template("__subject", d)
        .text("\n")
        .value(
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
    out.text("\nAlertmanagerUrl:\n").template("__alertmanagerURL", d);
  }
}
