package io.alertstream.connectors.rendering;

import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.Escapers;
import io.alertstream.templates.KV;
import io.alertstream.templates.NativeTemplate;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Alertmanager's built-in named templates ({@code __subject}, {@code slack.default.title}, ...),
 * written in Java with the same output, and registered in every tenant's template set, where a
 * tenant's own {@code define} of the same name replaces them.
 */
public final class DefaultTemplates {

  static final String PRODUCT = "Alertmanager";

  private DefaultTemplates() {}

  /** Adds the built-in templates to a set being built. */
  public static TemplateSet.Builder register(TemplateSet.Builder builder) {
    Map<String, NativeTemplate> named =
        Map.ofEntries(
            Map.entry("__alertmanager", d -> PRODUCT),
            Map.entry("__alertmanagerURL", d -> alertmanagerUrl(data(d))),
            Map.entry("__subject", d -> subject(data(d))),
            Map.entry("__description", d -> ""),
            Map.entry("__text_alert_list", d -> textAlertList(alerts(d))),
            Map.entry("slack.default.title", d -> subject(data(d))),
            Map.entry("slack.default.username", d -> PRODUCT),
            Map.entry(
                "slack.default.fallback", d -> subject(data(d)) + " | " + alertmanagerUrl(data(d))),
            Map.entry("slack.default.callbackid", d -> ""),
            Map.entry("slack.default.pretext", d -> ""),
            Map.entry("slack.default.titlelink", d -> alertmanagerUrl(data(d))),
            Map.entry("slack.default.iconemoji", d -> ""),
            Map.entry("slack.default.iconurl", d -> ""),
            Map.entry("slack.default.text", d -> ""),
            Map.entry("slack.default.footer", d -> ""),
            Map.entry("pagerduty.default.description", d -> subject(data(d))),
            Map.entry("pagerduty.default.client", d -> PRODUCT),
            Map.entry("pagerduty.default.clientURL", d -> alertmanagerUrl(data(d))),
            Map.entry("pagerduty.default.instances", d -> textAlertList(alerts(d))),
            Map.entry("email.default.subject", d -> subject(data(d))),
            Map.entry("email.default.html", d -> EmailHtml.render(data(d))));
    named.forEach(builder::nativeTemplate);
    return builder;
  }

  private static AlertmanagerData data(Object dot) throws TemplateException {
    if (dot instanceof AlertmanagerData d) {
      return d;
    }
    throw new TemplateException("a built-in template was given something other than the data");
  }

  private static List<AlertmanagerData.Alert> alerts(Object dot) throws TemplateException {
    if (dot instanceof AlertmanagerData d) {
      return d.alerts();
    }
    if (dot instanceof AlertmanagerData.Alerts a) {
      return a;
    }
    throw new TemplateException("a built-in template was given something other than alerts");
  }

  /** {@code __alertmanagerURL}: the external URL's alerts page, filtered to the receiver. */
  public static String alertmanagerUrl(AlertmanagerData d) {
    return d.externalUrl() + "/#/alerts?receiver=" + Escapers.urlQuery(d.receiver());
  }

  /**
   * {@code __subject}: {@code [FIRING:2] group values (other common label values)}; the parenthesis
   * only when the alerts share more labels than the group's.
   */
  public static String subject(AlertmanagerData d) {
    StringBuilder out = new StringBuilder("[").append(d.status().toUpperCase(Locale.ROOT));
    if (d.isFiring()) {
      out.append(':').append(d.alerts().firing().size());
    }
    out.append("] ").append(String.join(" ", values(d.groupLabels()))).append(' ');
    if (d.commonLabels().size() > d.groupLabels().size()) {
      KV rest = new KV(d.commonLabels());
      rest.keySet().removeAll(d.groupLabels().keySet());
      out.append('(').append(String.join(" ", values(rest))).append(')');
    }
    return out.toString();
  }

  private static List<String> values(KV kv) {
    return kv.sortedPairs().stream().map(KV.Pair::value).toList();
  }

  /** {@code __text_alert_list}: each alert's labels, annotations and source, one per line. */
  public static String textAlertList(List<AlertmanagerData.Alert> alerts) {
    StringBuilder out = new StringBuilder();
    for (AlertmanagerData.Alert alert : alerts) {
      out.append("Labels:\n");
      for (KV.Pair p : alert.labels().sortedPairs()) {
        out.append(" - ").append(p.name()).append(" = ").append(p.value()).append('\n');
      }
      out.append("Annotations:\n");
      for (KV.Pair p : alert.annotations().sortedPairs()) {
        out.append(" - ").append(p.name()).append(" = ").append(p.value()).append('\n');
      }
      out.append("Source: ").append(alert.generatorUrl()).append('\n');
    }
    return out.toString();
  }
}
