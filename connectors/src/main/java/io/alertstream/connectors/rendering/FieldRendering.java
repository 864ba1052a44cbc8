package io.alertstream.connectors.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders one notification's templated settings. A setting the renderer cannot evaluate yet is
 * rendered from its Alertmanager default instead, and the problem is kept, so the notification is
 * still sent and the failure is recorded, as Alertmanager does with template errors.
 */
public final class FieldRendering {

  private final TemplateData data;
  private final List<String> problems = new ArrayList<>();

  public FieldRendering(TemplateData data) {
    this.data = data;
  }

  public TemplateData data() {
    return data;
  }

  /**
   * @param name the setting, for the problem report
   * @param fallback what to render if {@code template} cannot be
   */
  public String field(String name, String template, String fallback) {
    try {
      return FieldRenderer.render(template, data);
    } catch (UnsupportedTemplateException e) {
      problems.add(name + ": " + e.getMessage());
      try {
        return FieldRenderer.render(fallback, data);
      } catch (UnsupportedTemplateException unexpected) {
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
