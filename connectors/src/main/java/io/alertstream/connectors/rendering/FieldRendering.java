package io.alertstream.connectors.rendering;

import io.alertstream.config.receivers.Secret;
import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.RenderBudget;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders one notification's templated settings with the tenant's templates. A setting whose
 * template fails is rendered from its Alertmanager default instead and the failure is kept, so the
 * notification is still sent and the failure is recorded. All settings share one render budget (the
 * set's {@link io.alertstream.templates.RenderLimits}), and the defaults another, so one
 * notification's rendering ends within twice the limits whatever the tenant's templates do.
 */
public final class FieldRendering {

  private final TemplateSet templates;
  private final AlertmanagerData data;
  private final List<String> problems = new ArrayList<>();
  private final RenderBudget budget;
  private RenderBudget fallbackBudget;

  public FieldRendering(TemplateSet templates, AlertmanagerData data) {
    this.templates = templates;
    this.data = data;
    this.budget = templates.newBudget();
  }

  public AlertmanagerData data() {
    return data;
  }

  /**
   * @param name the setting, for the problem report
   * @param fallback what to render if {@code template} fails
   */
  public String field(String name, String template, String fallback) {
    return render(name, template, fallback, false);
  }

  /**
   * A secret setting that may be a template (as Alertmanager renders an OpsGenie API key or a
   * Pushover token): rendered only when it holds {@code {{}; when it fails, the problem names the
   * setting alone, since the template's error could quote the secret.
   */
  public Secret secret(String name, Secret configured) {
    if (configured.isEmpty() || !configured.value().contains("{{")) {
      return configured;
    }
    try {
      return new Secret(render(configured.value(), false, budget));
    } catch (TemplateException e) {
      problems.add(name + ": the template of this secret setting failed to render");
      return new Secret("");
    }
  }

  /** Like {@link #field}, as HTML: printed values are escaped (html/template's job). */
  public String html(String name, String template, String fallback) {
    return render(name, template, fallback, true);
  }

  private String render(String name, String template, String fallback, boolean html) {
    try {
      return render(template, html, budget);
    } catch (TemplateException e) {
      problems.add(name + ": " + e.getMessage());
      if (fallbackBudget == null) {
        fallbackBudget = templates.newBudget();
      }
      try {
        return render(fallback, html, fallbackBudget);
      } catch (TemplateException alsoFailed) {
        // A tenant's define of a name the default uses can fail too; the field stays empty.
        problems.add(name + " (default): " + alsoFailed.getMessage());
        return "";
      }
    }
  }

  private String render(String template, boolean html, RenderBudget spending)
      throws TemplateException {
    return html
        ? templates.renderHtml(template, data, spending)
        : templates.renderText(template, data, spending);
  }

  /** Every value rendered; keys sorted as Go's JSON encoder sorts a map. */
  public Map<String, String> fields(String name, Map<String, String> templates) {
    Map<String, String> out = new TreeMap<>();
    templates.forEach((k, v) -> out.put(k, field(name + "." + k, v, "")));
    return out;
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }
}
