package io.alertstream.connectors.discord;

import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.NativeTemplate;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;

/**
 * Alertmanager's default Discord templates: {@code discord.default.title} is the subject, {@code
 * discord.default.message} the firing and resolved alerts as text lists, {@code
 * discord.default.content} empty.
 */
public final class DiscordTemplates {

  private DiscordTemplates() {}

  public static void register(TemplateSet.Builder builder) {
    builder.nativeTemplate("discord.default.content", (dot, out) -> {});
    builder.nativeTemplate("discord.default.title", (dot, out) -> out.template("__subject", dot));
    builder.nativeTemplate("discord.default.message", DiscordTemplates::message);
  }

  /**
   * A blank line, then "Alerts Firing:" and their {@code __text_alert_list} when some fire, a blank
   * line, "Alerts Resolved:" and theirs when some are resolved, and a closing newline.
   */
  private static void message(Object dot, NativeTemplate.Output out) throws TemplateException {
    if (!(dot instanceof AlertmanagerData d)) {
      throw new TemplateException("discord.default.message was given something other than data");
    }
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
