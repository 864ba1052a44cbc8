package io.alertstream.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tenant's template stops at the render limits instead of holding the thread or the heap. */
class RenderLimitsTest {

  private static final Map<String, Object> DATA = Map.of("Alerts", List.of("a", "b", "c"));

  private static TemplateSet set(RenderLimits limits, String file) throws TemplateException {
    return TemplateSet.builder().limits(limits).parse("tenant.tmpl", file).build();
  }

  private static final RenderLimits SMALL = new RenderLimits(10_000, Duration.ofMinutes(5));
  private static final RenderLimits QUICK = new RenderLimits(Long.MAX_VALUE, Duration.ofMillis(50));

  @Test
  void aTemplateThatWritesTooMuchStopsAtTheOutputLimit() throws Exception {
    TemplateSet templates = set(SMALL, "");

    assertThatThrownBy(() -> templates.renderText("{{ range 100000 }}0123456789{{ end }}", DATA))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("output longer than 10000 characters (render limit)");
    assertThat(templates.renderText("{{ range 999 }}0123456789{{ end }}", DATA)).hasSize(9_990);
  }

  @Test
  void aTemplateThatLoopsTooLongStopsAtTheTimeLimit() throws Exception {
    TemplateSet templates = set(QUICK, "");

    // Nothing is written, so only the clock can stop it: 10^18 iterations.
    assertThatThrownBy(
            () ->
                templates.renderText(
                    "{{ range 1000000 }}{{ range 1000000 }}{{ range 1000000 }}"
                        + "{{ end }}{{ end }}{{ end }}",
                    DATA))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("took longer than 50 ms (render limit)");
  }

  @Test
  void templatesThatCallThemselvesTwiceStopAtTheTimeLimit() throws Exception {
    TemplateSet templates =
        set(
            QUICK,
            "{{ define \"fan\" }}{{ if lt (len .) 90 }}{{ template \"fan\" (printf \"%sx\" .) }}"
                + "{{ template \"fan\" (printf \"%sy\" .) }}{{ end }}{{ end }}");

    assertThatThrownBy(() -> templates.renderText("{{ template \"fan\" \"\" }}", DATA))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("render limit");
  }

  @Test
  void aValueThatDoublesEveryIterationStopsBeforeItFillsTheHeap() throws Exception {
    TemplateSet templates = set(SMALL, "");

    assertThatThrownBy(
            () ->
                templates.renderText(
                    "{{ $x := \"ab\" }}{{ range 64 }}{{ $x = reReplaceAll \"(.)\" \"$1$1\" $x }}"
                        + "{{ end }}{{ len $x }}",
                    DATA))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("render limit");
  }

  @Test
  void theFieldsOfOneNotificationShareOneBudget() throws Exception {
    TemplateSet templates = set(SMALL, "");
    RenderBudget budget = templates.newBudget();
    String sixThousand = "{{ range 600 }}0123456789{{ end }}";

    assertThat(templates.renderText(sixThousand, DATA, budget)).hasSize(6_000);
    assertThatThrownBy(() -> templates.renderText(sixThousand, DATA, budget))
        .hasMessageContaining("render limit");
    assertThat(templates.renderText(sixThousand, DATA, templates.newBudget())).hasSize(6_000);
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new RenderLimits(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RenderLimits(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
