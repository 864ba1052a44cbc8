package io.alertstream.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Case mapping and printing as in Alertmanager 0.25 (Go 1.19): every expected value below is what
 * Alertmanager's own amtool 0.25 ({@code amtool template render}) printed for the same template and
 * the same data.
 */
class GoFormattingTest {

  private static final AlertmanagerData DATA =
      new AlertmanagerData(
          "team-x",
          "firing",
          new AlertmanagerData.Alerts(
              List.of(
                  new AlertmanagerData.Alert(
                      "firing",
                      new KV(
                          Map.of("alertname", "DiskFull", "instance", "db-1", "severity", "page")),
                      new KV(Map.of("summary", "on db-1")),
                      Instant.parse("2026-03-01T11:00:00.5Z"),
                      Optional.empty(),
                      "http://prom/graph",
                      "abc"),
                  new AlertmanagerData.Alert(
                      "resolved",
                      new KV(
                          Map.of("alertname", "DiskFull", "instance", "db-2", "severity", "page")),
                      new KV(Map.of("summary", "on db-2")),
                      Instant.parse("2026-03-01T11:00:00Z"),
                      Optional.of(Instant.parse("2026-03-01T11:30:00Z")),
                      "http://prom/graph",
                      "def"))),
          new KV(Map.of("alertname", "DiskFull")),
          new KV(Map.of("alertname", "DiskFull", "severity", "page")),
          new KV(Map.of()),
          "http://am:9093");

  private final TemplateSet set = TemplateSet.builder().build();

  static Stream<Arguments> asInAlertmanager() {
    return Stream.of(
        Arguments.of(
            "{{ title \"hello_world 3am wORLD o'neil foo.bar:1234 db-1 a..b x-y\" }}",
            "Hello_world 3Am World O'neil Foo.bar:1234 Db-1 A..B X-Y"),
        Arguments.of(
            "{{ title \"ǆx ßa \ufb01x \u0149a \u1fb3b \u0390x\" }}",
            "ǅx Ssa Fix ʼNa ᾼb Ι\u0308\u0301x"),
        Arguments.of("{{ title \"ΟΔΟΣ ΣΑΣ σΣ ΑΣ.Β\" }}", "Οδος Σας Σς Ασ.β"),
        Arguments.of(
            "{{ title \"__init__ 2nd x_y_z αβγ мир 中文a éa\" }}",
            "__Init__ 2Nd X_y_z Αβγ Мир 中文A Éa"),
        Arguments.of(
            "{{ toUpper \"straße ǆǅǅ \ufb01 \u0149 \u0390 \uab70\" }}",
            "STRAßE ǄǄǄ \ufb01 \u0149 \u0390 Ꭰ"),
        Arguments.of("{{ toLower \"ΣΑΣ ǅǄ İSTANBUL \u1e9e Ω K Å\" }}", "σασ ǆǆ istanbul ß ω k å"),
        Arguments.of("{{ printf \"%q\" (stringSlice \"a\" \"b\") }}", "[\"a\" \"b\"]"),
        Arguments.of(
            "{{ printf \"%s|%v|%d|%x|%X|%5s|%-4q|%+v|%#v|%T\" (stringSlice \"a\" \"b\") (stringSlice \"a\" \"b\") (stringSlice \"a\" \"b\") (stringSlice \"a\" \"b\") (stringSlice \"a\" \"b\") (stringSlice \"a\" \"b\") (stringSlice \"a\" \"b\") (stringSlice \"a\" \"b\") (stringSlice \"a\" \"b\") (stringSlice \"a\" \"b\") }}",
            "[a b]|[a b]|[%!d(string=a) %!d(string=b)]|[61 62]|[61 62]|[    a     b]|[\"a\"  \"b\" ]|[a b]|[]string{\"a\", \"b\"}|[]string"),
        Arguments.of(
            "{{ printf \"%v|%q|%d|%x|%+v|%#v|%T\" .CommonLabels .CommonLabels .CommonLabels .CommonLabels .CommonLabels .CommonLabels .CommonLabels }}",
            "map[alertname:DiskFull severity:page]|map[\"alertname\":\"DiskFull\" \"severity\":\"page\"]|map[%!d(string=alertname):%!d(string=DiskFull) %!d(string=severity):%!d(string=page)]|map[616c6572746e616d65:4469736b46756c6c 7365766572697479:70616765]|map[alertname:DiskFull severity:page]|template.KV{\"alertname\":\"DiskFull\", \"severity\":\"page\"}|template.KV"),
        Arguments.of(
            "{{ printf \"%v|%+v|%#v|%q|%T\" .CommonLabels.SortedPairs .CommonLabels.SortedPairs .CommonLabels.SortedPairs .CommonLabels.SortedPairs .CommonLabels.SortedPairs }}",
            "[{alertname DiskFull} {severity page}]|[{Name:alertname Value:DiskFull} {Name:severity Value:page}]|template.Pairs{template.Pair{Name:\"alertname\", Value:\"DiskFull\"}, template.Pair{Name:\"severity\", Value:\"page\"}}|[{\"alertname\" \"DiskFull\"} {\"severity\" \"page\"}]|template.Pairs"),
        Arguments.of(
            "{{ printf \"%v\" (index .Alerts 1) }}",
            "{resolved map[alertname:DiskFull instance:db-2 severity:page] map[summary:on db-2] 2026-03-01 11:00:00 +0000 UTC 2026-03-01 11:30:00 +0000 UTC http://prom/graph def}"),
        Arguments.of(
            "{{ printf \"%+v\" (index .Alerts 1) }}",
            "{Status:resolved Labels:map[alertname:DiskFull instance:db-2 severity:page] Annotations:map[summary:on db-2] StartsAt:2026-03-01 11:00:00 +0000 UTC EndsAt:2026-03-01 11:30:00 +0000 UTC GeneratorURL:http://prom/graph Fingerprint:def}"),
        Arguments.of(
            "{{ printf \"%#v\" (index .Alerts 0) }}",
            "template.Alert{Status:\"firing\", Labels:template.KV{\"alertname\":\"DiskFull\", \"instance\":\"db-1\", \"severity\":\"page\"}, Annotations:template.KV{\"summary\":\"on db-1\"}, StartsAt:time.Date(2026, time.March, 1, 11, 0, 0, 500000000, time.UTC), EndsAt:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), GeneratorURL:\"http://prom/graph\", Fingerprint:\"abc\"}"),
        Arguments.of(
            "{{ printf \"%d\" (index .Alerts 1) }}",
            "{%!d(string=resolved) map[%!d(string=alertname):%!d(string=DiskFull) %!d(string=instance):%!d(string=db-2) %!d(string=severity):%!d(string=page)] map[%!d(string=summary):%!d(string=on db-2)] {0 63907959600 0} {0 63907961400 0} %!d(string=http://prom/graph) %!d(string=def)}"),
        Arguments.of(
            "{{ printf \"%q\" .Alerts.Firing }}",
            "[{\"firing\" map[\"alertname\":\"DiskFull\" \"instance\":\"db-1\" \"severity\":\"page\"] map[\"summary\":\"on db-1\"] \"2026-03-01 11:00:00.5 +0000 UTC\" \"0001-01-01 00:00:00 +0000 UTC\" \"http://prom/graph\" \"abc\"}]"),
        Arguments.of(
            "{{ .Alerts.Resolved }}|{{ .CommonLabels }}|{{ index .Alerts 1 | printf \"%T\" }}",
            "[{resolved map[alertname:DiskFull instance:db-2 severity:page] map[summary:on db-2] 2026-03-01 11:00:00 +0000 UTC 2026-03-01 11:30:00 +0000 UTC http://prom/graph def}]|map[alertname:DiskFull severity:page]|template.Alert"),
        Arguments.of(
            "{{ printf \"%s|%d|%t\" (index .Alerts 1).EndsAt (index .Alerts 1).EndsAt (index .Alerts 1).EndsAt }}",
            "2026-03-01 11:30:00 +0000 UTC|{0 63907961400 0}|{%!t(uint64=0) %!t(int64=63907961400) %!t(*time.Location=<nil>)}"),
        Arguments.of(
            "{{ printf \"%*d|%.*d|%-*d|%*d|%.*d|%*d\" 5 42 3 7 4 1 10000000 42 10000000 42 1.5 42 }}",
            "   42|007|1   |%!(BADWIDTH)42|%!(BADPREC)42|%!(BADWIDTH)42"),
        Arguments.of("{{ printf \"%999999999d|after\" 5 }}", "%!(NOVERB)%!(EXTRA int=5)"),
        Arguments.of(
            "{{ printf \"%[2]d %[1]d|%[3]d|%d %d\" 1 2 }}", "2 1|%!d(BADINDEX)|2 %!d(MISSING)"),
        Arguments.of(
            "{{ printf \"%5d|%d|%t|%s|%s|%w|%z\" \"a\" 1.5 1 nil true 3 4 }}",
            "%!d(string=    a)|%!d(float64=1.5)|%!t(int=1)|%!s(<nil>)|%!s(bool=true)|%!w(int=3)|%!z(int=4)"),
        Arguments.of(
            "{{ printf \"%d %d\" 1 }}|{{ printf \"%d\" 1 2 \"x\" nil }}|{{ printf \"%!\" }}|{{ printf \"%\" }}|{{ printf \"%5%\" }}",
            "1 %!d(MISSING)|1%!(EXTRA int=2, string=x, <nil>)|%!!(MISSING)|%!(NOVERB)|%"),
        Arguments.of(
            "{{ print \"a\" 1 2 \"b\" (safeHtml \"h\") 3 nil true .GroupLabels }}|{{ println \"a\" 1 nil 2.5 }}",
            "a1 2bh3 <nil> true map[alertname:DiskFull]|a 1 <nil> 2.5\n"),
        Arguments.of(
            "{{ 1e6 }} {{ 50.0 }} {{ 1.5e-7 }} {{ 123456789.0 }} {{ -0.0 }} {{ 0.1 }}",
            "1e+06 50 1.5e-07 1.23456789e+08 -0 0.1"),
        Arguments.of(
            "{{ printf \"%e|%.3e|%f|%.2f|%.1f|%.0f|%g|%.3g|%G|%x|%b|%#g|%08.2f|%+.1f|% .1f\" 123456.789 1e-10 0.1 1.005 0.25 2.5 1e21 123456.0 1e-7 1.5 1.0 1.0 -3.14159 2.0 2.0 }}",
            "1.234568e+05|1.000e-10|0.100000|1.00|0.2|2|1e+21|1.23e+05|1E-07|0x1.8p+00|4503599627370496p-52|1.00000|-0003.14|+2.0| 2.0"),
        Arguments.of(
            "{{ printf \"%05s|%-05d|%05d|%+05d|% d|%x|%#x|%#o|%b|%O|%c|%q|%U|%#U|%.0d|\" \"ab\" 42 -42 42 42 -255 255 8 5 8 65 65 65 9731 0 }}",
            "000ab|42   |-0042|+0042| 42|-ff|0xff|010|101|0o10|A|'A'|U+0041|U+2603 '☃'||"),
        Arguments.of(
            "{{ printf \"%.3s|%5.1s|%.2x|% x|%#q|%+q|%q\" \"日本語テキスト\" \"héllo\" \"héllo\" \"hé\" \"a`b\" \"é\" \"\\x00\\u00a0\\t\" }}",
            "日本語|    h|68c3|68 c3 a9|\"a`b\"|\"\\u00e9\"|\"\\x00\\u00a0\\t\""));
  }

  @ParameterizedTest
  @MethodSource
  void asInAlertmanager(String template, String expected) throws TemplateException {
    assertThat(set.renderText(template, DATA)).isEqualTo(expected);
  }

  @Test
  void theDataIsAPointerToPrintfButPrintedAsAStructByAnAction() throws TemplateException {
    assertThat(set.renderText("{{ printf \"%v\" . }}", DATA))
        .startsWith("&{team-x firing [{firing ");
    assertThat(set.renderText("{{ print . }}", DATA)).startsWith("&{team-x firing [{firing ");
    assertThat(set.renderText("{{ printf \"%T|%T|%T\" . .Alerts .Alerts.Firing }}", DATA))
        .isEqualTo("*template.Data|template.Alerts|[]template.Alert");
    assertThat(set.renderText("{{ . }}", DATA))
        .startsWith("{team-x firing [{firing ")
        .endsWith(
            " map[alertname:DiskFull] map[alertname:DiskFull severity:page] map[] http://am:9093}");
  }

  @Test
  void aWidthOrPrecisionGoRejectsAllocatesNothing() throws TemplateException {
    assertThat(GoFmt.sprintf("%999999999d|%d", List.of(1L, 2L), 100))
        .isEqualTo("%!(NOVERB)%!(EXTRA int=1, int=2)");
    assertThat(GoFmt.sprintf("%*d|%.*f", List.of(2_000_000L, 1L, 2_000_000L, 1.5), 100))
        .isEqualTo("%!(BADWIDTH)1|%!(BADPREC)1.500000");
  }

  @Test
  void aWidthGoAcceptsMayNotGrowPastTheLimit() {
    // Go takes widths up to 10^7 from the format; the result is refused before it is built.
    for (String format :
        List.of("%9999999d", "%.9999999d", "%.9999999f", "%-9999999s", "%#.9999999g")) {
      assertThatThrownBy(() -> GoFmt.sprintf(format, List.of(1L), 1_000_000))
          .as(format)
          .isInstanceOf(TemplateException.class)
          .hasMessageContaining("longer than 1000000 characters");
    }
    assertThatThrownBy(
            () -> GoFmt.sprintf("%1000000d".repeat(5), List.of(1L, 2L, 3L, 4L, 5L), 4_000_000))
        .isInstanceOf(TemplateException.class);
  }

  @Test
  void aHugePrecisionOnAFloatIsExactAndCheap() throws TemplateException {
    String s = GoFmt.sprintf("%.2000f", List.of(0.1), 10_000);
    assertThat(s).startsWith("0.1000000000000000055511151231257827").hasSize(2002).endsWith("000");
  }

  @Test
  void trimSpaceTrimsWhatGosUnicodeIsSpaceCalls() {
    assertThat(Functions.trimSpace("\u00a0\u0085\t x y\u2007\u202f\u3000\n")).isEqualTo("x y");
    assertThat(Functions.trimSpace("\u001cx\u001f")).isEqualTo("\u001cx\u001f");
    assertThat(Functions.trimSpace(" \u2028 ")).isEmpty();
  }
}
