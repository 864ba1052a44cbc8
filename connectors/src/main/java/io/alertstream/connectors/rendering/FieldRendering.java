package io.alertstream.connectors.rendering;

import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders one notification's templated settings with the tenant's templates. A setting whose
 * template fails is rendered from its Alertmanager default instead and the failure is kept, so the
 * notification is still sent and the failure is recorded.
 */
public final class FieldRendering {

  private final TemplateSet templates;
  private final AlertmanagerData data;
  private final List<String> problems = new ArrayList<>();

  public FieldRendering(TemplateSet templates, AlertmanagerData data) {
    this.templates = templates;
    this.data = data;
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

  /** Like {@link #field}, as HTML: printed values are escaped (html/template's job). */
  public String html(String name, String template, String fallback) {
    return render(name, template, fallback, true);
  }

  private String render(String name, String template, String fallback, boolean html) {
    try {
      return html ? templates.renderHtml(template, data) : templates.renderText(template, data);
    } catch (TemplateException e) {
      problems.add(name + ": " + e.getMessage());
      try {
        return html ? templates.renderHtml(fallback, data) : templates.renderText(fallback, data);
      } catch (TemplateException unexpected) {
        return "";
      }
    }
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
