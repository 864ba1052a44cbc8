package io.alertstream.connectors.rendering;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Alertmanager's built-in named templates ({@code __subject}, {@code slack.default.title}, ...),
 * producing the same text. They stand in for the template engine until it exists; issue 8 replaces
 * them with real template files.
 */
public final class DefaultTemplates {

  static final String PRODUCT = "Alertmanager";

  private static final Map<String, Function<TemplateData, String>> NAMED =
      Map.ofEntries(
          Map.entry("__alertmanager", d -> PRODUCT),
          Map.entry("__alertmanagerURL", DefaultTemplates::alertmanagerUrl),
          Map.entry("__subject", DefaultTemplates::subject),
          Map.entry("__description", d -> ""),
          Map.entry("__text_alert_list", d -> textAlertList(d.alerts())),
          Map.entry("slack.default.title", DefaultTemplates::subject),
          Map.entry("slack.default.username", d -> PRODUCT),
          Map.entry(
              "slack.default.fallback",
              d -> subject(d) + " | " + DefaultTemplates.alertmanagerUrl(d)),
          Map.entry("slack.default.callbackid", d -> ""),
          Map.entry("slack.default.pretext", d -> ""),
          Map.entry("slack.default.titlelink", DefaultTemplates::alertmanagerUrl),
          Map.entry("slack.default.iconemoji", d -> ""),
          Map.entry("slack.default.iconurl", d -> ""),
          Map.entry("slack.default.text", d -> ""),
          Map.entry("slack.default.footer", d -> ""),
          Map.entry("pagerduty.default.description", DefaultTemplates::subject),
          Map.entry("pagerduty.default.client", d -> PRODUCT),
          Map.entry("pagerduty.default.clientURL", DefaultTemplates::alertmanagerUrl),
          Map.entry("pagerduty.default.instances", d -> textAlertList(d.alerts())),
          Map.entry("email.default.subject", DefaultTemplates::subject),
          Map.entry("email.default.html", EmailHtml::render));

  private DefaultTemplates() {}

  /** The named template applied to the whole notification, if it is one of the built-in ones. */
  public static Optional<String> render(String name, TemplateData data) {
    Function<TemplateData, String> template = NAMED.get(name);
    return template == null ? Optional.empty() : Optional.of(template.apply(data));
  }

  static boolean isDefined(String name) {
    return NAMED.containsKey(name);
  }

  /** {@code __alertmanagerURL}: the external URL's alerts page, filtered to the receiver. */
  public static String alertmanagerUrl(TemplateData d) {
    return d.externalUrl() + "/#/alerts?receiver=" + GoText.urlQuery(d.receiver());
  }

  /**
   * {@code __subject}: {@code [FIRING:2] group values (other common label values)}; the parenthesis
   * only when the alerts share more labels than the group's.
   */
  public static String subject(TemplateData d) {
    StringBuilder out = new StringBuilder("[").append(d.status().toUpperCase(Locale.ROOT));
    if (d.isFiring()) {
      out.append(':').append(d.firing().size());
    }
    out.append("] ").append(String.join(" ", d.groupLabels().values())).append(' ');
    if (d.commonLabels().size() > d.groupLabels().size()) {
      LabelPairs rest = d.commonLabels().without(d.groupLabels().names());
      out.append('(');
      if (rest.size() > 0) {
        out.append(String.join(" ", rest.values()));
      }
      out.append(')');
    }
    return out.toString();
  }

  /** {@code __text_alert_list}: each alert's labels, annotations and source, one per line. */
  public static String textAlertList(List<TemplateData.AlertData> alerts) {
    StringBuilder out = new StringBuilder();
    for (TemplateData.AlertData alert : alerts) {
      out.append("Labels:\n");
      for (LabelPairs.Pair p : alert.labels().pairs()) {
        out.append(" - ").append(p.name()).append(" = ").append(p.value()).append('\n');
      }
      out.append("Annotations:\n");
      for (LabelPairs.Pair p : alert.annotations().pairs()) {
        out.append(" - ").append(p.name()).append(" = ").append(p.value()).append('\n');
      }
      out.append("Source: ").append(alert.generatorUrl()).append('\n');
    }
    return out.toString();
  }
}
