package io.alertstream.connectors.rocketchat;

import static io.alertstream.connectors.rendering.DefaultTemplates.calls;

import io.alertstream.templates.NativeTemplate;
import io.alertstream.templates.TemplateSet;

/** Alertmanager's {@code rocketchat.default.*} templates, written natively with the same output. */
public final class RocketchatTemplates {

  private static final NativeTemplate NOTHING = (dot, out) -> {};

  private RocketchatTemplates() {}

  public static void register(TemplateSet.Builder builder) {
    builder.nativeTemplate("rocketchat.default.title", calls("__subject"));
    builder.nativeTemplate("rocketchat.default.alias", calls("__alertmanager"));
    builder.nativeTemplate("rocketchat.default.titlelink", calls("__alertmanagerURL"));
    builder.nativeTemplate("rocketchat.default.emoji", NOTHING);
    builder.nativeTemplate("rocketchat.default.iconurl", NOTHING);
    builder.nativeTemplate("rocketchat.default.text", NOTHING);
  }
}
