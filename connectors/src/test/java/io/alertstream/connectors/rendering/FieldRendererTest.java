package io.alertstream.connectors.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.connectors.TestNotifications;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldRendererTest {

  private final TemplateData data =
      TemplateData.of(
          TestNotifications.of(
              "slack",
              Map.of("alertname", "DiskFull"),
              Map.of("alertname", "DiskFull", "team", "db"),
              List.of(
                  TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), true),
                  TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), false))));

  @Test
  void plainTextIsItself() throws Exception {
    assertThat(FieldRenderer.render("#ops-alerts", data)).isEqualTo("#ops-alerts");
  }

  @Test
  void builtInTemplatesCountsAndFieldsMixWithText() throws Exception {
    assertThat(FieldRenderer.render("{{ template \"slack.default.username\" . }}", data))
        .isEqualTo("Alertmanager");
    assertThat(FieldRenderer.render("{{ .Alerts.Firing | len }}/{{ len .Alerts }}", data))
        .isEqualTo("1/2");
    assertThat(FieldRenderer.render("#{{ .CommonLabels.team }}-{{ .Status }}", data))
        .isEqualTo("#db-firing");
    assertThat(FieldRenderer.render("{{ .CommonLabels.missing }}", data)).isEmpty();
    assertThat(FieldRenderer.render(FieldRenderer.STATUS_COLOR, data)).isEqualTo("danger");
  }

  @Test
  void trimMarkersEatTheSpacesBesideThem() throws Exception {
    assertThat(FieldRenderer.render("a  {{- .Status -}}  b", data)).isEqualTo("afiringb");
  }

  @Test
  void whatNeedsTheTemplateEngineIsReportedAsUnsupported() {
    assertThatThrownBy(
            () -> FieldRenderer.render("{{ range .Alerts }}{{ .Labels.x }}{{ end }}", data))
        .isInstanceOf(UnsupportedTemplateException.class);
    assertThatThrownBy(() -> FieldRenderer.render("{{ template \"my.title\" . }}", data))
        .hasMessageContaining("my.title");
  }

  @Test
  void anUnsupportedSettingFallsBackToItsDefaultAndIsReported() {
    FieldRendering r = new FieldRendering(data);

    String title =
        r.field("title", "{{ .CommonLabels.team | toUpper }}", "{{ template \"__subject\" . }}");

    assertThat(title).isEqualTo("[FIRING:1] DiskFull (db)");
    assertThat(r.problems()).singleElement().asString().startsWith("title: ");
  }
}
