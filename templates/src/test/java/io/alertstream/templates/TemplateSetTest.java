package io.alertstream.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateSetTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static final AlertmanagerData DATA =
      new AlertmanagerData(
          "team-x",
          "firing",
          new AlertmanagerData.Alerts(
              List.of(
                  alert(
                      "firing",
                      Map.of("alertname", "DiskFull", "instance", "db-1", "severity", "page")),
                  alert(
                      "resolved",
                      Map.of("alertname", "DiskFull", "instance", "db-2", "severity", "page")))),
          new KV(Map.of("alertname", "DiskFull")),
          new KV(Map.of("alertname", "DiskFull", "severity", "page")),
          new KV(Map.of("summary", "disk <full>")),
          "http://am:9093");

  private static AlertmanagerData.Alert alert(String status, Map<String, String> labels) {
    return new AlertmanagerData.Alert(
        status,
        new KV(labels),
        new KV(Map.of("summary", "on " + labels.get("instance"))),
        Instant.parse("2026-03-01T11:00:00Z"),
        status.equals("firing")
            ? Optional.empty()
            : Optional.of(Instant.parse("2026-03-01T11:30:00Z")),
        "http://prom/graph",
        "abc");
  }

  private final TemplateSet set =
      TemplateSet.builder(Clock.fixed(NOW, ZoneOffset.UTC))
          .nativeTemplate("native.hello", (dot, out) -> out.text("hello from Java"))
          .build();

  private String render(String text) throws TemplateException {
    return set.renderText(text, DATA);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "plain text => plain text",
        "{{ .Status }} => firing",
        "{{ .Status | toUpper }} => FIRING",
        "{{ .Alerts.Firing | len }} of {{ len .Alerts }} => 1 of 2",
        "{{ .CommonLabels.severity }}/{{ .CommonLabels.missing }} => page/",
        "{{ .GroupLabels.SortedPairs.Values | join \",\" }} => DiskFull",
        "{{ .CommonLabels.Remove .GroupLabels.Names }} => map[severity:page]",
        "{{ range .Alerts }}{{ .Labels.instance }};{{ end }} => db-1;db-2;",
        "{{ range $i, $a := .Alerts }}{{ $i }}={{ $a.Status }} {{ end }} => 0=firing 1=resolved ",
        "{{ range .CommonLabels.SortedPairs }}{{ .Name }}={{ .Value }} {{ end }} => `alertname=DiskFull severity=page `",
        "{{ range $k, $v := .CommonLabels }}{{ $k }}:{{ $v }},{{ end }} => alertname:DiskFull,severity:page,",
        "{{ range .Alerts.Resolved }}{{ .Status }}{{ else }}none{{ end }} => resolved",
        "{{ range stringSlice }}x{{ else }}empty{{ end }} => empty",
        "{{ range .CommonAnnotations.nothing }}x{{ end }} => ERROR",
        "{{ if eq .Status \"firing\" }}F{{ else if eq .Status \"resolved\" }}R{{ else }}?{{ end }} => F",
        "{{ if and .Alerts (gt (len .Alerts.Firing) 0) }}yes{{ end }} => yes",
        "{{ or .CommonLabels.missing \"fallback\" }} => fallback",
        "{{ not true }} {{ eq 1 2 1 }} {{ ne \"a\" \"b\" }} {{ lt 1 2 }} {{ ge 2.5 2.5 }} => false true true true true",
        "{{ with .CommonLabels.severity }}sev={{ . }}{{ end }} => sev=page",
        "{{ with .CommonLabels.missing }}x{{ else }}no{{ end }} => no",
        "{{ $x := \"a\" }}{{ $x = \"b\" }}{{ $x }} => b",
        "a  {{- \" b \" -}}  c => a b c",
        "{{/* comment */}}x{{- /* trimmed */ -}} y => xy",
        "{{ printf \"%s=%d %5.2f %q %v %x\" \"a\" 42 3.14159 \"q\" true 255 }} => a=42  3.14 \"q\" true ff",
        "{{ print 1 2 \"a\" \"b\" 3 }} => 1 2ab3",
        "{{ index .CommonLabels \"severity\" }} {{ index .Alerts 1 | printf \"%v\" | len | lt 0 }} => page true",
        "{{ slice \"abcdef\" 1 3 }} => bc",
        "{{ html \"<b>\" }} {{ js \"it's\" }} {{ urlquery \"a b&c\" }} => &lt;b&gt; it\\'s a+b%26c",
        "{{ \"hello world\" | title }} {{ toLower \"ABC\" }} {{ trimSpace \"  x  \" }} => Hello World abc x",
        "{{ match \"^disk\" \"disk full\" }} {{ reReplaceAll \"(d)isk\" \"${1}ISK\" \"disk\" }} {{ reReplaceAll \"(d)isk\" \"[$1x]\" \"disk\" }} => true dISK []",
        "{{ stringSlice \"a\" \"b\" | join \"-\" }} => a-b",
        "{{ humanize 1234567 }} {{ humanize 0.00123 }} {{ humanizeDuration 3661 }} {{ humanizeDuration 0.25 }} => 1.235M 1.23m 1h 1m 1s 250ms",
        "{{ (index .Alerts 0).StartsAt.Format \"2006-01-02 15:04 MST\" }} => 2026-03-01 11:00 UTC",
        "{{ date \"Jan 2, 15:04:05\" (index .Alerts 0).StartsAt }} => Mar 1, 11:00:00",
        "{{ (index .Alerts 0).StartsAt | tz \"Asia/Tokyo\" | date \"15:04 -07:00\" }} => 20:00 +09:00",
        "{{ since (index .Alerts 0).StartsAt }} => 1h0m0s",
        "{{ (index .Alerts 0).EndsAt }} => 0001-01-01 00:00:00 +0000 UTC",
        "{{ template \"native.hello\" . }} => hello from Java",
        "{{ define \"t\" }}[{{ . }}]{{ end }}{{ template \"t\" .Status }} => [firing]",
        "{{ block \"b\" .Receiver }}<{{ . }}>{{ end }} => <team-x>",
        "{{ range .Alerts }}{{ if eq .Status \"resolved\" }}{{ break }}{{ end }}{{ .Status }}{{ end }} => firing",
        "{{ range .Alerts }}{{ if eq .Status \"firing\" }}{{ continue }}{{ end }}{{ .Status }}{{ end }} => resolved",
        "{{ .Nothing }} => ERROR",
        "{{ nil }} => ERROR",
      })
  void rendersAsGoDoes(String template, String expected) throws Exception {
    if (expected.equals("ERROR")) {
      assertThatThrownBy(() -> render(template)).isInstanceOf(TemplateException.class);
      return;
    }
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void userDefinitionsReplaceNativeTemplates() throws Exception {
    TemplateSet custom =
        TemplateSet.builder()
            .nativeTemplate("slack.default.title", (dot, out) -> out.text("native"))
            .parse(
                "custom.tmpl", "{{ define \"slack.default.title\" }}mine: {{ .Status }}{{ end }}")
            .build();

    assertThat(custom.renderText("{{ template \"slack.default.title\" . }}", DATA))
        .isEqualTo("mine: firing");
  }

  @Test
  void htmlRenderingEscapesValuesButNotSafeHtmlOrTemplateText() throws Exception {
    assertThat(
            set.renderHtml("<p>{{ .CommonAnnotations.summary }}</p>{{ \"<i>\" | safeHtml }}", DATA))
        .isEqualTo("<p>disk &lt;full&gt;</p><i>");
  }

  @Test
  void errorsSayWhereAndWhat() {
    assertThatThrownBy(() -> render("line one\n{{ if .Status }}unclosed"))
        .hasMessageContaining("template: :2: unexpected EOF");
    assertThatThrownBy(() -> render("{{ nosuch .Status }}"))
        .hasMessage("template: :1: function \"nosuch\" not defined");
    assertThatThrownBy(() -> render("{{ end }}")).hasMessageContaining("unexpected {{end}}");
    assertThatThrownBy(() -> render("{{ $y }}")).hasMessageContaining("undefined variable \"$y\"");
    assertThatThrownBy(() -> render("x {{ .Alerts.Nope }}"))
        .hasMessageContaining("template: :1:")
        .hasMessageContaining("can't evaluate field Nope in type template.Alerts");
    assertThatThrownBy(() -> render("{{ template \"missing\" . }}"))
        .hasMessageContaining("no template \"missing\"");
  }
}
