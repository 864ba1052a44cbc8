package io.alertstream.connectors.rendering;

import io.alertstream.connectors.discord.DiscordTemplates;
import io.alertstream.connectors.jira.JiraTemplates;
import io.alertstream.connectors.mattermost.MattermostTemplates;
import io.alertstream.connectors.msteams.MsteamsTemplates;
import io.alertstream.connectors.msteamsv2.Msteamsv2Templates;
import io.alertstream.connectors.opsgenie.OpsgenieDefaults;
import io.alertstream.connectors.pushover.PushoverDefaults;
import io.alertstream.connectors.rocketchat.RocketchatTemplates;
import io.alertstream.connectors.sns.SnsDefaults;
import io.alertstream.connectors.telegram.TelegramTemplates;
import io.alertstream.connectors.victorops.VictoropsDefaults;
import io.alertstream.connectors.webex.WebexTemplates;
import io.alertstream.connectors.wechat.WechatDefaults;
import io.alertstream.templates.AlertmanagerData;
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
 * tenant's own {@code define} of the same name replaces them. As in Alertmanager's default
 * templates, the built-ins call each other by name ({@code slack.default.title} calls {@code
 * __subject}, {@code email.default.html} calls {@code __subject}, {@code __alertmanagerURL} and
 * {@code __alertmanager}), so a tenant's define of a name reaches every default that uses it. Each
 * writes its text, printed values and calls through {@link NativeTemplate.Output}, so in HTML the
 * values are escaped by context as html/template escapes them.
 */
public final class DefaultTemplates {

  static final String PRODUCT = "Alertmanager";

  private static final NativeTemplate NOTHING = (dot, out) -> {};

  private DefaultTemplates() {}

  /** Adds the built-in templates to a set being built. */
  public static TemplateSet.Builder register(TemplateSet.Builder builder) {
    Map<String, NativeTemplate> named =
        Map.ofEntries(
            Map.entry("__alertmanager", (dot, out) -> out.text(PRODUCT)),
            Map.entry("__alertmanagerURL", DefaultTemplates::alertmanagerUrl),
            Map.entry("__subject", DefaultTemplates::subject),
            Map.entry("__description", NOTHING),
            Map.entry("__text_alert_list", DefaultTemplates::textAlertList),
            Map.entry(MarkdownAlerts.LIST, MarkdownAlerts::list),
            Map.entry("slack.default.title", calls("__subject")),
            Map.entry("slack.default.username", calls("__alertmanager")),
            Map.entry(
                "slack.default.fallback",
                (dot, out) ->
                    out.template("slack.default.title", dot)
                        .text(" | ")
                        .template("slack.default.titlelink", dot)),
            Map.entry("slack.default.callbackid", NOTHING),
            Map.entry("slack.default.pretext", NOTHING),
            Map.entry("slack.default.titlelink", calls("__alertmanagerURL")),
            Map.entry("slack.default.iconemoji", NOTHING),
            Map.entry("slack.default.iconurl", NOTHING),
            Map.entry("slack.default.text", NOTHING),
            Map.entry("slack.default.footer", NOTHING),
            Map.entry("pagerduty.default.description", calls("__subject")),
            Map.entry("pagerduty.default.client", calls("__alertmanager")),
            Map.entry("pagerduty.default.clientURL", calls("__alertmanagerURL")),
            Map.entry("pagerduty.default.instances", calls("__text_alert_list")),
            Map.entry("email.default.subject", calls("__subject")),
            Map.entry("email.default.html", (dot, out) -> EmailHtml.render(data(dot), out)));
    named.forEach(builder::nativeTemplate);
    OpsgenieDefaults.register(builder);
    WechatDefaults.register(builder);
    VictoropsDefaults.register(builder);
    PushoverDefaults.register(builder);
    SnsDefaults.register(builder);
    TelegramTemplates.register(builder);
    DiscordTemplates.register(builder);
    WebexTemplates.register(builder);
    MsteamsTemplates.register(builder);
    Msteamsv2Templates.register(builder);
    JiraTemplates.register(builder);
    RocketchatTemplates.register(builder);
    MattermostTemplates.register(builder);
    return builder;
  }

  /** A built-in that is only {@code {{ template "name" . }}}. */
  public static NativeTemplate calls(String name) {
    return (dot, out) -> out.template(name, dot);
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
  private static void alertmanagerUrl(Object dot, NativeTemplate.Output out)
      throws TemplateException {
    AlertmanagerData d = data(dot);
    out.value(d.externalUrl()).text("/#/alerts?receiver=").urlQuery(d.receiver());
  }

  /**
   * {@code __subject}: {@code [FIRING:2] group values (other common label values)}; the parenthesis
   * only when the alerts share more labels than the group's, else a trailing space.
   */
  private static void subject(Object dot, NativeTemplate.Output out) throws TemplateException {
    AlertmanagerData d = data(dot);
    out.text("[").value(d.status().toUpperCase(Locale.ROOT));
    if (d.isFiring()) {
      out.text(":").value((long) d.alerts().firing().size());
    }
    out.text("] ").value(String.join(" ", values(d.groupLabels()))).text(" ");
    if (d.commonLabels().size() > d.groupLabels().size()) {
      KV rest = new KV(d.commonLabels());
      rest.keySet().removeAll(d.groupLabels().keySet());
      out.text("(");
      if (!rest.isEmpty()) {
        out.value(String.join(" ", values(rest)));
      }
      out.text(")");
    }
  }

  private static List<String> values(KV kv) {
    return kv.sortedPairs().stream().map(KV.Pair::value).toList();
  }

  /** {@code __text_alert_list}: each alert's labels, annotations and source, one per line. */
  private static void textAlertList(Object dot, NativeTemplate.Output out)
      throws TemplateException {
    for (AlertmanagerData.Alert alert : alerts(dot)) {
      out.text("Labels:\n");
      for (KV.Pair p : alert.labels().sortedPairs()) {
        out.text(" - ").value(p.name()).text(" = ").value(p.value()).text("\n");
      }
      out.text("Annotations:\n");
      for (KV.Pair p : alert.annotations().sortedPairs()) {
        out.text(" - ").value(p.name()).text(" = ").value(p.value()).text("\n");
      }
      out.text("Source: ").value(alert.generatorUrl()).text("\n");
    }
  }
}
