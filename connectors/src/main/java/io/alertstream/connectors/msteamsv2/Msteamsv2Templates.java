package io.alertstream.connectors.msteamsv2;

import io.alertstream.connectors.rendering.MarkdownAlerts;
import io.alertstream.templates.TemplateSet;

/**
 * Alertmanager's default templates for Teams workflows: the title is the subject, the text lists
 * the firing and resolved alerts in markdown, as for the older Teams connector.
 */
public final class Msteamsv2Templates {

  private Msteamsv2Templates() {}

  public static void register(TemplateSet.Builder builder) {
    builder.nativeTemplate("msteamsv2.default.title", (dot, out) -> out.template("__subject", dot));
    builder.nativeTemplate("msteamsv2.default.text", MarkdownAlerts::firingThenResolved);
  }
}
