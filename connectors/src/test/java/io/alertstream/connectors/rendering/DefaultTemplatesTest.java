package io.alertstream.connectors.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.connectors.TestNotifications;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultTemplatesTest {

  private static TemplateData data(boolean firing, Map<String, String> common) {
    return TemplateData.of(
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
    TemplateData d =
        new TemplateData(
            GoText.quoteMeta("team.x+y"),
            "firing",
            List.of(),
            LabelPairs.of(Map.of()),
            LabelPairs.of(Map.of()),
            LabelPairs.of(Map.of()),
            "http://am:9093");
    assertThat(DefaultTemplates.alertmanagerUrl(d))
        .isEqualTo("http://am:9093/#/alerts?receiver=team%5C.x%5C%2By");
  }

  @Test
  void theHtmlEmailEscapesLabelValuesAndListsFiringThenResolved() {
    TemplateData d =
        TemplateData.of(
            TestNotifications.of(
                "email",
                Map.of("alertname", "Web"),
                Map.of("alertname", "Web"),
                List.of(
                    TestNotifications.alert(
                        Map.of("alertname", "Web", "path", "<a&b>"), Map.of(), true),
                    TestNotifications.alert(
                        Map.of("alertname", "Web", "path", "/ok"), Map.of(), false))));

    String html = DefaultTemplates.render("email.default.html", d).orElseThrow();

    assertThat(html)
        .contains("2 alerts for alertname=Web")
        .contains("path = &lt;a&amp;b&gt;")
        .doesNotContain("<a&b>")
        .contains("View in Alertmanager");
    assertThat(html.indexOf("[1] Firing")).isPositive().isLessThan(html.indexOf("[1] Resolved"));
  }
}
