package io.alertstream.connectors.mattermost;

import static io.alertstream.connectors.rendering.DefaultTemplates.calls;

import io.alertstream.connectors.rendering.MarkdownAlerts;
import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;

/**
 * Alertmanager's {@code mattermost.default.*} templates, written natively with the same output; the
 * text is the markdown alert list of {@link MarkdownAlerts}.
 */
public final class MattermostTemplates {

  private MattermostTemplates() {}

  /** Adds the Mattermost defaults. */
  public static void register(TemplateSet.Builder builder) {
    builder.nativeTemplate(
        "mattermost.default.color",
        (dot, out) -> out.text(data(dot).isFiring() ? "danger" : "good"));
    builder.nativeTemplate("mattermost.default.username", calls("__alertmanager"));
    builder.nativeTemplate("mattermost.default.title", calls("__subject"));
    builder.nativeTemplate("mattermost.default.titlelink", calls("__alertmanagerURL"));
    builder.nativeTemplate(
        "mattermost.default.fallback",
        (dot, out) ->
            out.template("mattermost.default.title", dot)
                .text(" | ")
                .template("mattermost.default.titlelink", dot));
    builder.nativeTemplate("mattermost.default.text", MarkdownAlerts::firingThenResolved);
  }

  private static AlertmanagerData data(Object dot) throws TemplateException {
    if (dot instanceof AlertmanagerData d) {
      return d;
    }
    throw new TemplateException("a built-in template was given something other than the data");
  }
}
