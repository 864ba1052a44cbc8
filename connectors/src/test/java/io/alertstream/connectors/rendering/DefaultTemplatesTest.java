package io.alertstream.connectors.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.connectors.TestNotifications;
import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.KV;
import io.alertstream.templates.TemplateSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultTemplatesTest {

  private static AlertmanagerData data(boolean firing, Map<String, String> common) {
    return NotificationData.of(
        TestNotifications.of(
            "slack",
            Map.of("alertname", "DiskFull"),
            common,
            List.of(
                TestNotifications.alert(
                    Map.of("alertname", "DiskFull", "instance", "db-1", "job", "node"),
                    Map.of("summary", "full", "description", "very"),
                    firing))));
  }

  private static String render(String name, Object dot) throws Exception {
    return TenantTemplates.DEFAULTS.renderText("{{ template \"" + name + "\" . }}", dot);
  }

  private static String subject(AlertmanagerData d) throws Exception {
    return render("__subject", d);
  }

  @Test
  void theSubjectCountsFiringAlertsAndAddsTheOtherCommonLabelValues() throws Exception {
    assertThat(
            subject(data(true, Map.of("alertname", "DiskFull", "job", "node", "instance", "db-1"))))
        .isEqualTo("[FIRING:1] DiskFull (db-1 node)");
    assertThat(subject(data(false, Map.of("alertname", "DiskFull", "job", "node"))))
        .isEqualTo("[RESOLVED] DiskFull (node)");
  }

  @Test
  void withoutOtherCommonLabelsTheSubjectEndsInASpaceAsAlertmanagersDoes() throws Exception {
    assertThat(subject(data(true, Map.of("alertname", "DiskFull"))))
        .isEqualTo("[FIRING:1] DiskFull ");
  }

  @Test
  void theTextAlertListPutsAlertnameFirstAndSortsTheRest() throws Exception {
    assertThat(render("__text_alert_list", data(true, Map.of()).alerts()))
        .isEqualTo(
            "Labels:\n - alertname = DiskFull\n - instance = db-1\n - job = node\n"
                + "Annotations:\n - description = very\n - summary = full\n"
                + "Source: http://prom/graph\n");
  }

  @Test
  void theAlertsLinkFiltersOnTheRegexQuotedReceiver() throws Exception {
    AlertmanagerData d =
        new AlertmanagerData(
            GoText.quoteMeta("team.x+y"),
            "firing",
            new AlertmanagerData.Alerts(List.of()),
            new KV(Map.of()),
            new KV(Map.of()),
            new KV(Map.of()),
            "http://am:9093");
    assertThat(render("__alertmanagerURL", d))
        .isEqualTo("http://am:9093/#/alerts?receiver=team%5C.x%5C%2By");
  }

  @Test
  void theHtmlEmailEscapesLabelValuesAndListsFiringThenResolved() throws Exception {
    AlertmanagerData d =
        NotificationData.of(
            TestNotifications.of(
                "email",
                Map.of("alertname", "Web"),
                Map.of("alertname", "Web"),
                List.of(
                    TestNotifications.alert(
                        Map.of("alertname", "Web", "path", "<a&b>"), Map.of(), true),
                    TestNotifications.alert(
                        Map.of("alertname", "Web", "path", "/ok"), Map.of(), false))));

    String html = TenantTemplates.DEFAULTS.renderHtml("{{ template \"email.default.html\" . }}", d);

    assertThat(html)
        .contains("2 alerts for alertname=Web")
        .contains("path = &lt;a&amp;b&gt;")
        .doesNotContain("<a&b>")
        .contains("View in Alertmanager");
    assertThat(html.indexOf("[1] Firing")).isPositive().isLessThan(html.indexOf("[1] Resolved"));
  }

  @Test
  void aTenantsTemplateFileCanUseAndReplaceTheDefaults() throws Exception {
    TemplateSet tenant =
        TenantTemplates.of(
            Map.of(
                "myorg.tmpl",
                "{{ define \"slack.myorg.title\" }}{{ template \"__subject\" . }}!{{ end }}"
                    + "{{ define \"__alertmanager\" }}MyOrg AM{{ end }}"));

    assertThat(
            tenant.renderText(
                "{{ template \"slack.myorg.title\" . }}",
                data(true, Map.of("alertname", "DiskFull"))))
        .isEqualTo("[FIRING:1] DiskFull !");
    assertThat(tenant.renderText("{{ template \"__alertmanager\" . }}", data(true, Map.of())))
        .isEqualTo("MyOrg AM");
  }

  @Test
  void aSettingThatFailsIsRenderedFromItsDefaultAndTheFailureKept() {
    FieldRendering r =
        new FieldRendering(
            TenantTemplates.DEFAULTS, data(true, Map.of("alertname", "DiskFull", "team", "db")));

    String title =
        r.field("title", "{{ .CommonLabels.Nope.Deeper }}", "{{ template \"__subject\" . }}");

    assertThat(title).isEqualTo("[FIRING:1] DiskFull (db)");
    assertThat(r.problems()).singleElement().asString().startsWith("title: template: ");
    assertThat(r.field("title", "{{ .CommonLabels.team | toUpper }}", "")).isEqualTo("DB");
  }

  /** A tenant's define of each name the defaults are built from. */
  private static TemplateSet overriding() throws Exception {
    return TenantTemplates.of(
        Map.of(
            "team.tmpl",
            "{{ define \"__subject\" }}{{ .Status }}: {{ .CommonLabels.alertname }} ({{ len .Alerts }}){{ end }}"
                + "{{ define \"__alertmanager\" }}Team AM{{ end }}"
                + "{{ define \"__alertmanagerURL\" }}https://am.team.example/{{ .Receiver }}{{ end }}"
                + "{{ define \"__text_alert_list\" }}{{ range . }}{{ .Labels.instance }};{{ end }}{{ end }}"));
  }

  @Test
  void aTenantsDefineOfABuiltInNameReachesEveryDefaultThatUsesIt() throws Exception {
    TemplateSet tenant = overriding();
    AlertmanagerData d = data(true, Map.of("alertname", "DiskFull"));

    for (String name :
        List.of("slack.default.title", "email.default.subject", "pagerduty.default.description")) {
      assertThat(tenant.renderText("{{ template \"" + name + "\" . }}", d))
          .as(name)
          .isEqualTo("firing: DiskFull (1)");
    }
    for (String name : List.of("slack.default.username", "pagerduty.default.client")) {
      assertThat(tenant.renderText("{{ template \"" + name + "\" . }}", d))
          .as(name)
          .isEqualTo("Team AM");
    }
    for (String name : List.of("slack.default.titlelink", "pagerduty.default.clientURL")) {
      assertThat(tenant.renderText("{{ template \"" + name + "\" . }}", d))
          .as(name)
          .isEqualTo("https://am.team.example/team-x");
    }
    assertThat(tenant.renderText("{{ template \"slack.default.fallback\" . }}", d))
        .isEqualTo("firing: DiskFull (1) | https://am.team.example/team-x");
    assertThat(tenant.renderText("{{ template \"pagerduty.default.instances\" .Alerts }}", d))
        .isEqualTo("db-1;");
  }

  @Test
  void theHtmlEmailUsesTheTenantsSubjectLinkAndNameEscapedAsHtml() throws Exception {
    String html =
        overriding()
            .renderHtml(
                "{{ template \"email.default.html\" . }}",
                data(true, Map.of("alertname", "DiskFull")));

    assertThat(html)
        .contains("<title>firing: DiskFull (1)</title>")
        .contains("<a href=\"https://am.team.example/team-x\"")
        .contains("View in Team AM")
        .contains("Sent by Team AM");
  }

  @Test
  void theHtmlEmailEscapesLinksAsHtmlTemplateEscapesUrlAttributes() throws Exception {
    AlertmanagerData d =
        NotificationData.of(
            TestNotifications.of(
                "email",
                Map.of("alertname", "Web"),
                Map.of("alertname", "Web"),
                List.of(
                    TestNotifications.alert(
                        Map.of("alertname", "Web", "note", "a+b"), Map.of(), true))));
    AlertmanagerData withLinks =
        new AlertmanagerData(
            "team-x",
            d.status(),
            new AlertmanagerData.Alerts(
                List.of(
                    new AlertmanagerData.Alert(
                        "firing",
                        d.alerts().get(0).labels(),
                        d.alerts().get(0).annotations(),
                        d.alerts().get(0).startsAt(),
                        d.alerts().get(0).endsAt(),
                        "javascript:alert(1)",
                        "f1"))),
            d.groupLabels(),
            d.commonLabels(),
            d.commonAnnotations(),
            "http://am.example/a b");

    String html =
        TenantTemplates.DEFAULTS.renderHtml("{{ template \"email.default.html\" . }}", withLinks);

    assertThat(html)
        .contains("<a href=\"#ZgotmplZ\"")
        .contains("<a href=\"http://am.example/a%20b/#/alerts?receiver=team-x\"")
        .contains("<a href=\"http://am.example/a%20b\"")
        .contains("note = a&#43;b");
  }
}
