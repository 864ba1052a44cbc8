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

  @Test
  void theSubjectCountsFiringAlertsAndAddsTheOtherCommonLabelValues() {
    assertThat(
            DefaultTemplates.subject(
                data(true, Map.of("alertname", "DiskFull", "job", "node", "instance", "db-1"))))
        .isEqualTo("[FIRING:1] DiskFull (db-1 node)");
    assertThat(
            DefaultTemplates.subject(data(false, Map.of("alertname", "DiskFull", "job", "node"))))
        .isEqualTo("[RESOLVED] DiskFull (node)");
  }

  @Test
  void withoutOtherCommonLabelsTheSubjectEndsInASpaceAsAlertmanagersDoes() {
    assertThat(DefaultTemplates.subject(data(true, Map.of("alertname", "DiskFull"))))
        .isEqualTo("[FIRING:1] DiskFull ");
  }

  @Test
  void theTextAlertListPutsAlertnameFirstAndSortsTheRest() {
    assertThat(DefaultTemplates.textAlertList(data(true, Map.of()).alerts()))
        .isEqualTo(
            "Labels:\n - alertname = DiskFull\n - instance = db-1\n - job = node\n"
                + "Annotations:\n - description = very\n - summary = full\n"
                + "Source: http://prom/graph\n");
  }

  @Test
  void theAlertsLinkFiltersOnTheRegexQuotedReceiver() {
    AlertmanagerData d =
        new AlertmanagerData(
            GoText.quoteMeta("team.x+y"),
            "firing",
            new AlertmanagerData.Alerts(List.of()),
            new KV(Map.of()),
            new KV(Map.of()),
            new KV(Map.of()),
            "http://am:9093");
    assertThat(DefaultTemplates.alertmanagerUrl(d))
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
}
