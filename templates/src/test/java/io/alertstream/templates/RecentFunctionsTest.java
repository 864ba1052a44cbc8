package io.alertstream.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The functions of current Alertmanager and Mimir's tenantID, as upstream documents them. */
class RecentFunctionsTest {

  private static final Instant NOW = Instant.parse("2026-05-04T10:20:30.5Z");

  private static final AlertmanagerData DATA =
      new AlertmanagerData(
          "ops",
          "firing",
          new AlertmanagerData.Alerts(
              List.of(
                  new AlertmanagerData.Alert(
                      "firing",
                      new KV(Map.of("alertname", "Up<down>", "job", "api")),
                      new KV(Map.of()),
                      Instant.parse("2026-05-04T10:00:00Z"),
                      Optional.empty(),
                      "http://prom/graph?g0.expr=up",
                      "f1"),
                  new AlertmanagerData.Alert(
                      "resolved",
                      new KV(Map.of("alertname", "Disk")),
                      new KV(Map.of("summary", "full")),
                      Instant.parse("2026-05-04T09:00:00.123Z"),
                      Optional.of(Instant.parse("2026-05-04T09:30:00Z")),
                      "",
                      "f2"))),
          "new alerts added",
          new KV(Map.of("job", "api")),
          new KV(Map.of()),
          new KV(Map.of()),
          new KV(Map.of("team", "db", "tmpl", "{{ .X }}")),
          "http://am");

  private final TemplateSet set =
      TemplateSet.builder(Clock.fixed(NOW, ZoneOffset.UTC)).tenant("tenant-7").build();

  private String render(String text) throws TemplateException {
    return set.renderText(text, DATA);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      value = {
        "{{ \"search?q=test%20foo+bar\" | urlUnescape }} => search?q=test foo bar",
        "{{ \"caf%C3%A9\" | urlUnescape }} => café",
        "{{ \"hello\" | base64encode }} => aGVsbG8=",
        "{{ \"ab?>\" | base64encode }} => YWI_Pg==",
        "{{ \"YWI_Pg==\" | base64decode }} => ab?>",
        "{{ \"aGVs\\nbG8=\" | base64decode }} => hello",
        "{{ \"\" | base64decode }} => ~~",
        "{{ list }} => []",
        "{{ list 1 \"a\" 2.5 true nil }} => [1 a 2.5 true <nil>]",
        "{{ printf \"%T %T\" (list) (list \"a\") }} => []interface {} []interface {}",
        "{{ $l := list \"x\" }}{{ $l = append $l \"y\" \"z\" }}{{ $l }} {{ len $l }} => [x y z] 3",
        "{{ append nil }} => []",
        "{{ append nil 1 }} => [1]",
        "{{ dict }} => map[]",
        "{{ dict \"b\" 2 \"a\" (list 1) \"b\" 3 }} => map[a:[1] b:3]",
        "{{ $d := dict \"k\" \"v\" }}{{ $d.k }}|{{ index $d \"nope\" }} => v|<no value>",
        "{{ range $k, $v := dict \"z\" 1 \"a\" 2 }}{{ $k }}={{ $v }};{{ end }} => a=2;z=1;",
        "{{ printf \"%T\" (dict) }} => map[string]interface {}",
        "{{ tenantID }} => tenant-7",
        "{{ routeLabels \"team\" }}[{{ routeLabels \"nope\" }}] => db[]",
        "{{ routeLabels \"tmpl\" }} => {{ .X }}",
        "{{ range .Alerts }}{{ routeLabels \"team\" }}{{ end }} => dbdb",
        "{{ .NotificationReason }} => new alerts added",
        "{{ .RouteLabels.team }} => db",
        "{{ now }} => 2026-05-04 10:20:30.5 +0000 UTC",
        "{{ now | date \"2006-01-02T15:04:05Z07:00\" }} => 2026-05-04T10:20:30Z",
        "{{ (now).Sub (index .Alerts 0).StartsAt }} => 20m30.5s",
      })
  void rendersAsAlertmanager(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      value = {
        "{{ toDate \"2006-01-02\" \"2024-03-15\" | date \"02 Jan 2006\" }} => 15 Mar 2024",
        "{{ toDate \"2006-01-02\" \"someday\" }} => 0001-01-01 00:00:00 +0000 UTC",
        "{{ toDate \"2006-01-02 15:04:05\" \"2024-03-15 23:59:58\" }} => 2024-03-15 23:59:58 +0000 UTC",
        "{{ toDate \"Jan _2 3:04PM\" \"mar  5 1:02PM\" }} => 0000-03-05 13:02:00 +0000 UTC",
        "{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-15T10:00:00+02:00\" }}"
            + " => 2024-03-15 10:00:00 +0200 +0200",
        "{{ (toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-15T10:00:00+02:00\").UTC }}"
            + " => 2024-03-15 08:00:00 +0000 UTC",
        "{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-15T10:00:00Z\" }}"
            + " => 2024-03-15 10:00:00 +0000 UTC",
        "{{ toDate \"15:04:05\" \"10:11:12.250\" }} => 0000-01-01 10:11:12.25 +0000 UTC",
        "{{ toDate \"15:04:05.000\" \"10:11:12.250\" }} => 0000-01-01 10:11:12.25 +0000 UTC",
        "{{ toDate \"02/01/06\" \"31/12/68\" | date \"2006\" }} => 2068",
        "{{ toDate \"02/01/06\" \"31/12/69\" | date \"2006\" }} => 1969",
        "{{ toDate \"Monday, January 2\" \"friday, MARCH 15\" | date \"01-02\" }} => 03-15",
        "{{ mustToDate \"2006-01-02\" \"2024-03-15\" | date \"Jan 2, 2006\" }} => Mar 15, 2024",
      })
  void parsesDatesAsGo(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      value = {
        "2006-01-02 => not-a-date => ~parsing time \"not-a-date\" as \"2006-01-02\": cannot parse"
            + " \"not-a-date\" as \"2006\"~",
        "2006-01-02 => 2024/03/15 => ~parsing time \"2024/03/15\" as \"2006-01-02\": cannot parse"
            + " \"/03/15\" as \"-\"~",
        "2006-01-02 => 2024-13-01 => parsing time \"2024-13-01\": month out of range",
        "2006-01-02 => 2023-02-29 => parsing time \"2023-02-29\": day out of range",
        "2006-01-02 => 2024-03-15 x => ~parsing time \"2024-03-15 x\": extra text: \" x\"~",
        "15:04 => 25:00 => parsing time \"25:00\": hour out of range",
        "2006-01-02 => 2024-03-1 => ~parsing time \"2024-03-1\" as \"2006-01-02\": cannot parse \"1\""
            + " as \"02\"~",
        "2006 => é => ~parsing time \"\\xc3\\xa9\" as \"2006\": cannot parse \"\\xc3\\xa9\" as"
            + " \"2006\"~",
      })
  void mustToDateFailsWithGoMessages(String layout, String value, String message) {
    String template = "{{ mustToDate \"" + layout + "\" \"" + value + "\" }}";
    assertThatThrownBy(() -> render(template))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("template: :1:3: executing \"\" at <mustToDate")
        .hasMessageEndingWith(": error calling mustToDate: " + message);
  }

  @Test
  void toJsonEncodesAsGo() throws TemplateException {
    assertThat(render("{{ \"a<b>&\\\"\\\\\" | toJson }}"))
        .isEqualTo("\"a\\u003cb\\u003e\\u0026\\\"\\\\\"");
    assertThat(render("{{ 42 | toJson }}|{{ true | toJson }}|{{ toJson nil }}"))
        .isEqualTo("42|true|null");
    assertThat(render("{{ 1.5 | toJson }} {{ 1e21 | toJson }} {{ 1e20 | toJson }}"))
        .isEqualTo("1.5 1e+21 100000000000000000000");
    assertThat(render("{{ 0.0000001 | toJson }} {{ 0.000001 | toJson }} {{ -2.5e-10 | toJson }}"))
        .isEqualTo("1e-7 0.000001 -2.5e-10");
    assertThat(render("{{ .CommonLabels | toJson }}|{{ .GroupLabels | toJson }}"))
        .isEqualTo("{}|{\"job\":\"api\"}");
    assertThat(render("{{ list | toJson }}|{{ append nil | toJson }}|{{ dict | toJson }}"))
        .isEqualTo("[]|null|{}");
    assertThat(render("{{ dict \"b\" (list 1 \"x\") \"a\" nil | toJson }}"))
        .isEqualTo("{\"a\":null,\"b\":[1,\"x\"]}");
    assertThat(render("{{ .Alerts.Firing | toJson }}"))
        .isEqualTo(
            "[{\"status\":\"firing\",\"labels\":{\"alertname\":\"Up\\u003cdown\\u003e\","
                + "\"job\":\"api\"},\"annotations\":{},\"startsAt\":\"2026-05-04T10:00:00Z\","
                + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":"
                + "\"http://prom/graph?g0.expr=up\",\"fingerprint\":\"f1\"}]");
    assertThat(render("{{ (index .Alerts 1).StartsAt | toJson }}"))
        .isEqualTo("\"2026-05-04T09:00:00.123Z\"");
    assertThat(render("{{ .GroupLabels.SortedPairs | toJson }}"))
        .isEqualTo("[{\"Name\":\"job\",\"Value\":\"api\"}]");
    assertThat(render("{{ \"\\u2028\\t\\u0001\" | toJson }}")).isEqualTo("\"\\u2028\\t\\u0001\"");
  }

  @Test
  void toJsonOfTheDataUsesAlertmanagersNames() throws TemplateException {
    String json = render("{{ . | toJson }}");
    assertThat(json)
        .startsWith("{\"receiver\":\"ops\",\"status\":\"firing\",\"alerts\":[{")
        .contains(
            "],\"notification_reason\":\"new alerts added\",\"groupLabels\":{\"job\":\"api\"},"
                + "\"commonLabels\":{},\"commonAnnotations\":{},\"routeLabels\":{\"team\":\"db\","
                + "\"tmpl\":\"{{ .X }}\"},\"externalURL\":\"http://am\"}");
  }

  @Test
  void buildsAJsonArrayOfAlertsWithListDictAndAppend() throws TemplateException {
    assertThat(
            render(
                "{{- $out := list -}}{{ range .Alerts }}{{ $out = append $out (dict \"s\" .Status"
                    + " \"n\" .Labels.alertname) }}{{ end }}{{ toJson $out }}"))
        .isEqualTo(
            "[{\"n\":\"Up\\u003cdown\\u003e\",\"s\":\"firing\"},{\"n\":\"Disk\",\"s\":\"resolved\"}]");
  }

  @Test
  void refusesWhatGoRefuses() {
    assertThatThrownBy(() -> render("{{ \"%zz\" | urlUnescape }}"))
        .hasMessageEndingWith("error calling urlUnescape: invalid URL escape \"%zz\"");
    assertThatThrownBy(() -> render("{{ \"abc%4\" | urlUnescape }}"))
        .hasMessageEndingWith("error calling urlUnescape: invalid URL escape \"%4\"");
    assertThatThrownBy(() -> render("{{ \"not-valid-base64!\" | base64decode }}"))
        .hasMessageEndingWith("error calling base64decode: illegal base64 data at input byte 16");
    assertThatThrownBy(() -> render("{{ \"aGVsbG8\" | base64decode }}"))
        .hasMessageEndingWith("error calling base64decode: illegal base64 data at input byte 4");
    assertThatThrownBy(() -> render("{{ \"aGVsbG8=x\" | base64decode }}"))
        .hasMessageEndingWith("error calling base64decode: illegal base64 data at input byte 8");
    assertThatThrownBy(() -> render("{{ \"aGVsbG8/\" | base64decode }}"))
        .hasMessageEndingWith("error calling base64decode: illegal base64 data at input byte 7");
    assertThatThrownBy(() -> render("{{ dict \"a\" }}"))
        .hasMessageEndingWith("error calling dict: dict requires an even number of arguments");
    assertThatThrownBy(() -> render("{{ dict 1 \"v\" }}"))
        .hasMessageEndingWith("error calling dict: dict keys must be strings");
    assertThatThrownBy(() -> render("{{ append }}"))
        .hasMessageEndingWith("wrong number of args for append: want at least 1 got 0");
    assertThatThrownBy(() -> render("{{ append (stringSlice \"a\") \"b\" }}"))
        .hasMessageEndingWith("wrong type for value; expected []interface {}; got []string");
    assertThatThrownBy(() -> render("{{ append .Alerts 1 }}"))
        .hasMessageEndingWith("wrong type for value; expected []interface {}; got template.Alerts");
    assertThatThrownBy(() -> render("{{ tenantID 1 }}"))
        .hasMessageEndingWith("wrong number of args for tenantID: want 0 got 1");
    assertThatThrownBy(() -> render("{{ 1 | base64encode }}"))
        .hasMessageEndingWith("wrong type for value; expected string; got int");
    assertThatThrownBy(() -> render("{{ toDate \"2006\" }}"))
        .hasMessageEndingWith("wrong number of args for toDate: want 2 got 1");
    assertThatThrownBy(() -> render("{{ routeLabels 3 }}"))
        .hasMessageEndingWith("wrong type for value; expected string; got int");
  }

  @Test
  void toJsonRefusesWhatJsonCannotHold() {
    TemplateSet plain = TemplateSet.builder().build();
    assertThatThrownBy(() -> plain.renderText("{{ toJson . }}", Double.NaN))
        .hasMessageEndingWith("error calling toJson: json: unsupported value: NaN");
    assertThatThrownBy(() -> plain.renderText("{{ toJson . }}", Double.NEGATIVE_INFINITY))
        .hasMessageEndingWith("error calling toJson: json: unsupported value: -Inf");
  }

  @Test
  void withoutATenantTenantIdIsEmptyAndTheNameStillParses() throws TemplateException {
    TemplateSet plain =
        TemplateSet.builder()
            .parse("t.tmpl", "{{ define \"x\" }}[{{ tenantID }}]{{ end }}")
            .build();
    assertThat(plain.execute("x", DATA)).isEqualTo("[]");
  }

  @Test
  void sharedListsCannotGrowPastTheBudget() {
    TemplateSet small =
        TemplateSet.builder().limits(new RenderLimits(10_000, Duration.ofSeconds(5))).build();
    // Each step doubles what printing or encoding the list would write.
    String doubling = "{{ $l := list \"xxxxxxxxxx\" }}{{ range 64 }}{{ $l = list $l $l }}{{ end }}";
    assertThatThrownBy(() -> small.renderText(doubling + "{{ toJson $l }}", DATA))
        .hasMessageContaining("rendering stopped: a list or dict larger than 10000 characters");
    String dicts =
        "{{ $d := dict }}{{ range 64 }}{{ $d = dict \"a\" $d \"b\" $d }}{{ end }}{{ $d }}";
    assertThatThrownBy(() -> small.renderText(dicts, DATA))
        .hasMessageContaining("rendering stopped: a list or dict larger than 10000 characters");
    String appending = "{{ $l := list }}{{ range 100000 }}{{ $l = append $l . }}{{ end }}";
    assertThatThrownBy(() -> small.renderText(appending, DATA))
        .hasMessageContaining("rendering stopped: a list or dict larger than 10000 characters");
  }

  @Test
  void deepNestingIsRefused() {
    String nesting = "{{ $l := list }}{{ range 1000 }}{{ $l = list $l }}{{ end }}{{ $l }}";
    assertThatThrownBy(() -> render(nesting))
        .hasMessageContaining("rendering stopped: lists and dicts nested deeper than 100 levels");
  }

  @Test
  void toJsonStopsAtTheOutputLimit() {
    TemplateSet small =
        TemplateSet.builder().limits(new RenderLimits(100, Duration.ofSeconds(5))).build();
    // Each < becomes six characters: the encoding outgrows the limit though the string fits.
    String text = "<".repeat(90);
    assertThatThrownBy(() -> small.renderText("{{ toJson . }}", text))
        .hasMessageContaining("rendering stopped: toJson result longer than 100 characters");
  }
}
