package io.alertstream.connectors.rendering;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a receiver setting written as an Alertmanager template. Until Alertstream has a Go
 * template engine (issue 8) it evaluates the forms Alertmanager's defaults and most simple configs
 * use: plain text, {@code {{ template "name" . }}} of a built-in template (also on {@code
 * .Alerts.Firing} / {@code .Alerts.Resolved}), the alert counts, {@code .Status}, {@code
 * .Receiver}, {@code .ExternalURL}, and {@code .GroupLabels.x}, {@code .CommonLabels.x}, {@code
 * .CommonAnnotations.x}, mixed with plain text. Anything else is reported as unsupported.
 */
public final class FieldRenderer {

  /** Alertmanager's default Slack colour. */
  static final String STATUS_COLOR = "{{ if eq .Status \"firing\" }}danger{{ else }}good{{ end }}";

  private static final Pattern ACTION =
      Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
  private static final Pattern TEMPLATE_CALL =
      Pattern.compile(
          "template\\s+\"([^\"]+)\"\\s*(\\.|\\.Alerts|\\.Alerts\\.Firing|\\.Alerts\\.Resolved)");
  private static final Pattern COUNT =
      Pattern.compile(
          "(?:(\\.Alerts(?:\\.Firing|\\.Resolved)?)\\s*\\|\\s*len|len\\s+(\\.Alerts(?:\\.Firing|\\.Resolved)?))");
  private static final Pattern FIELD =
      Pattern.compile("\\.(GroupLabels|CommonLabels|CommonAnnotations)\\.([A-Za-z_][A-Za-z0-9_]*)");

  private FieldRenderer() {}

  public static String render(String template, TemplateData data)
      throws UnsupportedTemplateException {
    if (template.indexOf("{{") < 0) {
      return template;
    }
    if (STATUS_COLOR.equals(template.strip())) {
      return data.isFiring() ? "danger" : "good";
    }
    StringBuilder out = new StringBuilder();
    Matcher action = ACTION.matcher(template);
    int at = 0;
    while (action.find()) {
      String before = template.substring(at, action.start());
      if (action.group().startsWith("{{-")) {
        before = before.stripTrailing();
      }
      out.append(before);
      out.append(evaluate(action.group(1), data));
      at = action.end();
      if (action.group().endsWith("-}}")) {
        while (at < template.length() && Character.isWhitespace(template.charAt(at))) {
          at++;
        }
      }
    }
    String rest = template.substring(at);
    if (rest.contains("{{")) {
      throw new UnsupportedTemplateException("unclosed action");
    }
    return out.append(rest).toString();
  }

  private static String evaluate(String action, TemplateData data)
      throws UnsupportedTemplateException {
    Matcher call = TEMPLATE_CALL.matcher(action);
    if (call.matches()) {
      return named(call.group(1), call.group(2), data);
    }
    Matcher count = COUNT.matcher(action);
    if (count.matches()) {
      return Integer.toString(
          alerts(count.group(1) != null ? count.group(1) : count.group(2), data).size());
    }
    Matcher field = FIELD.matcher(action);
    if (field.matches()) {
      LabelPairs pairs =
          switch (field.group(1)) {
            case "GroupLabels" -> data.groupLabels();
            case "CommonLabels" -> data.commonLabels();
            default -> data.commonAnnotations();
          };
      return lookup(pairs, field.group(2));
    }
    return switch (action) {
      case ".Status" -> data.status();
      case ".Receiver" -> data.receiver();
      case ".ExternalURL" -> data.externalUrl();
      default ->
          throw new UnsupportedTemplateException(
              "{{ "
                  + action
                  + " }} needs the template engine, which Alertstream does not have yet");
    };
  }

  private static String named(String name, String argument, TemplateData data)
      throws UnsupportedTemplateException {
    if (!DefaultTemplates.isDefined(name)) {
      throw new UnsupportedTemplateException(
          "template \"" + name + "\" is not a built-in template");
    }
    if (".".equals(argument)) {
      return DefaultTemplates.render(name, data).orElseThrow();
    }
    List<TemplateData.AlertData> alerts = alerts(argument, data);
    if (name.equals("pagerduty.default.instances") || name.equals("__text_alert_list")) {
      return DefaultTemplates.textAlertList(alerts);
    }
    throw new UnsupportedTemplateException(
        "template \"" + name + "\" applied to " + argument + " needs the template engine");
  }

  private static List<TemplateData.AlertData> alerts(String path, TemplateData data) {
    return switch (path) {
      case ".Alerts.Firing" -> data.firing();
      case ".Alerts.Resolved" -> data.resolved();
      default -> data.alerts();
    };
  }

  private static String lookup(LabelPairs pairs, String name) {
    for (LabelPairs.Pair p : pairs.pairs()) {
      if (p.name().equals(name)) {
        return p.value();
      }
    }
    return "";
  }
}
