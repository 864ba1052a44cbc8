package io.alertstream.connectors.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.connectors.TestNotifications;
import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.RenderLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldRenderingTest {

  private static final AlertmanagerData DATA =
      NotificationData.of(TestNotifications.diskFull("slack"));

  private static final String DEFAULT_TITLE = "{{ template \"slack.default.title\" . }}";

  @Test
  void aFieldOverTheLimitIsRenderedFromItsDefaultAndTheFailureIsKept() throws Exception {
    FieldRendering r =
        new FieldRendering(
            TenantTemplates.of(Map.of(), new RenderLimits(1_000, Duration.ofMinutes(1))), DATA);

    String title = r.field("title", "{{ range 1000 }}spam {{ end }}", DEFAULT_TITLE);

    assertThat(title).isEqualTo("[FIRING:1] DiskFull ");
    assertThat(r.problems())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("title: ")
        .contains("output longer than 1000 characters (render limit)");
  }

  @Test
  void theFieldsOfANotificationShareTheBudgetAndTheDefaultsHaveTheirOwn() throws Exception {
    FieldRendering r =
        new FieldRendering(
            TenantTemplates.of(Map.of(), new RenderLimits(1_000, Duration.ofMinutes(1))), DATA);
    String sixHundred = "{{ range 60 }}0123456789{{ end }}";

    assertThat(r.field("text", sixHundred, "")).hasSize(600);
    assertThat(r.field("title", sixHundred, DEFAULT_TITLE)).isEqualTo("[FIRING:1] DiskFull ");
    assertThat(r.field("footer", "short", "")).isEqualTo("short");
    assertThat(r.problems()).hasSize(1);
  }
}
