package io.alertstream.connectors.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.jira.JiraConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.GroupKeyHash;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JiraNotifierTest {

  static final String GROUP_KEY = "{}:{alertname=\"DiskFull\"}";
  static final String LABEL = "ALERT{" + GroupKeyHash.of(GROUP_KEY) + "}";
  static final String REQUIRED =
      "api_url: 'https://acme.atlassian.net/rest/api/2', project: OPS, issue_type: Bug";

  static Outbound.Exchange prepare(String settings, Notification n) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  jira_configs:\n  - "
                    + settings
                    + "\n");
    return (Outbound.Exchange)
        new JiraNotifier()
            .prepare(
                n,
                TestNotifications.settings(config, "jira", JiraConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  static Notification diskFull(boolean firing, String severity) {
    return TestNotifications.of(
        "jira",
        Map.of("alertname", "DiskFull"),
        Map.of("alertname", "DiskFull"),
        List.of(
            TestNotifications.alert(
                Map.of("alertname", "DiskFull", "severity", severity), Map.of(), firing)));
  }

  /** A caller answering from a script, keeping the calls. */
  static final class ScriptedCaller implements Outbound.Caller {
    final Deque<Outbound.Answer> answers = new ArrayDeque<>();
    final List<Outbound.HttpCall> calls = new ArrayList<>();

    ScriptedCaller answer(int status, String body) {
      answers.add(new Outbound.Answer(status, Optional.empty(), body));
      return this;
    }

    @Override
    public Outbound.Answer call(Outbound.HttpCall call) {
      calls.add(call);
      return answers.remove();
    }

    @Override
    public AttemptResult outcome(Outbound.HttpCall call, Outbound.Answer answer) {
      AttemptResult checked = call.answerCheck().check(answer.status(), answer.body());
      if (checked != null) {
        return checked;
      }
      return answer.ok()
          ? new AttemptResult.Delivered(answer.status())
          : new AttemptResult.Retry("status " + answer.status(), Optional.empty());
    }

    String described(int i) {
      Outbound.HttpCall c = calls.get(i);
      return c.method() + " " + c.url().getPath();
    }

    JsonNode body(int i) throws Exception {
      return new ObjectMapper().readTree(new String(calls.get(i).body(), StandardCharsets.UTF_8));
    }
  }

  private static String description(String heading) {
    return "\n\n# Alerts "
        + heading
        + ":\n\nLabels:\n  - alertname = DiskFull\n  - severity = critical\n"
        + "\nAnnotations:\n\nSource: http://prom/graph\n\n\n\n\n";
  }

  @Test
  void theSearchLooksForTheGroupsOpenIssueOnTheCloudSearchEndpoint() throws Exception {
    Outbound.HttpCall search = prepare("{" + REQUIRED + "}", diskFull(true, "critical")).first();

    assertThat(search.method()).isEqualTo("POST");
    assertThat(search.url().toString())
        .isEqualTo("https://acme.atlassian.net/rest/api/3/search/jql");
    assertThat(search.headers())
        .containsEntry("Accept-Language", "en")
        .containsEntry("Content-Type", "application/json");
    assertThat(new String(search.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"fields\":[\"status\"],\"jql\":\"statusCategory != Done and project=\\\"OPS\\\""
                + " and labels=\\\""
                + LABEL
                + "\\\" order by status ASC,resolutiondate DESC\",\"maxResults\":2}");
    assertThat(LABEL).matches("ALERT\\{[0-9a-f]{64}\\}");
  }

  @Test
  void dataCenterAndOtherHostsUseTheV2Search() throws Exception {
    assertThat(
            prepare(
                    "{api_url: 'https://acme.atlassian.net/rest/api/2', project: P, issue_type: B,"
                        + " api_type: datacenter}",
                    diskFull(true, "x"))
                .first()
                .url())
        .hasToString("https://acme.atlassian.net/rest/api/2/search");
    assertThat(
            prepare(
                    "{api_url: 'https://jira.example/rest/api/2/', project: P, issue_type: B}",
                    diskFull(true, "x"))
                .first()
                .url())
        .hasToString("https://jira.example/rest/api/2/search");
  }

  @Test
  void reopenAndWontFixShapeTheJql() throws Exception {
    String jql =
        new ObjectMapper()
            .readTree(
                prepare(
                        "{"
                            + REQUIRED
                            + ", reopen_transition: Reopen, reopen_duration: 90m30s,"
                            + " wont_fix_resolution: \"Won't \\\"Fix\\\"\"}",
                        diskFull(true, "x"))
                    .first()
                    .body())
            .path("jql")
            .asText();

    assertThat(jql)
        .isEqualTo(
            "(resolution is EMPTY or resolution != \"Won't \\\"Fix\\\"\") and "
                + "(resolutiondate is EMPTY OR resolutiondate >= -90m) and project=\"OPS\""
                + " and labels=\""
                + LABEL
                + "\" order by status ASC,resolutiondate DESC");
  }

  @Test
  void withoutAnIssueAFiringGroupCreatesOneWithTheDefaults() throws Exception {
    ScriptedCaller caller =
        new ScriptedCaller().answer(200, "{\"issues\":[]}").answer(201, "{\"key\":\"OPS-1\"}");

    AttemptResult result =
        prepare("{" + REQUIRED + ", labels: ['{{ .Status }}', zeta]}", diskFull(true, "critical"))
            .conversation()
            .run(caller);

    assertThat(result).isEqualTo(new AttemptResult.Delivered(201));
    assertThat(caller.described(1)).isEqualTo("POST /rest/api/2/issue");
    ObjectMapper json = new ObjectMapper();
    var expected = json.createObjectNode();
    var fields = expected.putObject("fields");
    fields.put("description", description("Firing"));
    fields.putObject("issuetype").put("name", "Bug");
    fields.putArray("labels").add(LABEL).add("firing").add("zeta");
    fields.putObject("priority").put("name", "High");
    fields.putObject("project").put("key", "OPS");
    fields.put("summary", "[FIRING:1] DiskFull ");
    assertThat(caller.body(1).toString()).isEqualTo(expected.toString());
  }

  @Test
  void withoutAnIssueAResolvedGroupDoesNothingMore() throws Exception {
    ScriptedCaller caller = new ScriptedCaller().answer(200, "{\"issues\":[]}");

    assertThat(prepare("{" + REQUIRED + "}", diskFull(false, "warning")).conversation().run(caller))
        .isEqualTo(new AttemptResult.Delivered(200));
    assertThat(caller.calls).hasSize(1);
  }

  @Test
  void aResolvedGroupUpdatesItsOpenIssueAndResolvesIt() throws Exception {
    ScriptedCaller caller =
        new ScriptedCaller()
            .answer(
                200,
                "{\"issues\":[{\"key\":\"OPS-7\",\"fields\":{\"status\":{\"name\":\"Open\","
                    + "\"statusCategory\":{\"key\":\"new\"}}}}]}")
            .answer(204, "")
            .answer(
                200,
                "{\"transitions\":[{\"id\":\"11\",\"name\":\"Start\"},{\"id\":\"31\",\"name\":\"Close\"}]}")
            .answer(204, "");

    AttemptResult result =
        prepare(
                "{"
                    + REQUIRED
                    + ", resolve_transition: Close, summary: {template: S, enable_update: false}}",
                diskFull(false, "warning"))
            .conversation()
            .run(caller);

    assertThat(result).isEqualTo(new AttemptResult.Delivered(204));
    assertThat(caller.described(1)).isEqualTo("PUT /rest/api/2/issue/OPS-7");
    assertThat(caller.body(1).path("fields").has("summary")).isFalse();
    assertThat(caller.body(1).path("fields").path("priority").path("name").asText())
        .isEqualTo("Medium");
    assertThat(caller.described(2)).isEqualTo("GET /rest/api/2/issue/OPS-7/transitions");
    assertThat(caller.calls.get(2).body()).isEmpty();
    assertThat(caller.described(3)).isEqualTo("POST /rest/api/2/issue/OPS-7/transitions");
    assertThat(caller.body(3).toString()).isEqualTo("{\"transition\":{\"id\":\"31\"}}");
  }

  @Test
  void aFiringGroupReopensItsRecentlyDoneIssueAndAnUnknownTransitionFails() throws Exception {
    String done =
        "{\"issues\":[{\"key\":\"OPS-7\",\"fields\":{\"status\":{\"statusCategory\":{\"key\":\"done\"}}}}]}";
    ScriptedCaller caller =
        new ScriptedCaller()
            .answer(200, done)
            .answer(204, "")
            .answer(200, "{\"transitions\":[{\"id\":\"11\",\"name\":\"Start\"}]}");

    AttemptResult result =
        prepare(
                "{" + REQUIRED + ", reopen_transition: Reopen, reopen_duration: 1h}",
                diskFull(true, "x"))
            .conversation()
            .run(caller);

    assertThat(result)
        .isEqualTo(new AttemptResult.Failed("can't find transition Reopen for issue OPS-7"));
  }

  @Test
  void anOpenIssueOfAFiringGroupIsOnlyUpdated() throws Exception {
    ScriptedCaller caller =
        new ScriptedCaller()
            .answer(
                200,
                "{\"issues\":[{\"key\":\"OPS-7\",\"fields\":{\"status\":{\"statusCategory\":{\"key\":\"indeterminate\"}}}}]}")
            .answer(204, "");

    assertThat(
            prepare("{" + REQUIRED + ", reopen_transition: Reopen}", diskFull(true, "x"))
                .conversation()
                .run(caller))
        .isEqualTo(new AttemptResult.Delivered(204));
    assertThat(caller.calls).hasSize(2);
  }

  @Test
  void customFieldsAreRenderedAndReadAsYamlAndSortedWithTheOthers() throws Exception {
    ScriptedCaller caller = new ScriptedCaller().answer(200, "{\"issues\":[]}").answer(201, "{}");

    prepare(
            "{"
                + REQUIRED
                + ", priority: '', description: '',"
                + " fields: {customfield_10: '{{ .Status }}', customfield_2: '[a, {{ len .Alerts }}]',"
                + " customfield_3: {value: '7'}, customfield_4: '', customfield_5: '10:30',"
                + " customfield_6: 2026-03-01, 'summary': 'over'}}",
            diskFull(true, "x"))
        .conversation()
        .run(caller);

    assertThat(caller.body(1).path("fields").toString())
        .isEqualTo(
            "{\"customfield_10\":\"firing\",\"customfield_2\":[\"a\",1],"
                + "\"customfield_3\":{\"value\":7},\"customfield_4\":null,\"customfield_5\":\"10:30\","
                + "\"customfield_6\":\"2026-03-01\",\"issuetype\":{\"name\":\"Bug\"},"
                + "\"labels\":[\""
                + LABEL
                + "\"],\"project\":{\"key\":\"OPS\"},\"summary\":\"over\"}");
  }

  @Test
  void apiV3TakesTheDescriptionAsDocumentJsonAndRefusesText() throws Exception {
    String v3 = "api_url: 'https://acme.atlassian.net/rest/api/3', project: OPS, issue_type: Bug";
    ScriptedCaller caller = new ScriptedCaller().answer(200, "{\"issues\":[]}").answer(201, "{}");
    prepare(
            "{" + v3 + ", description: '  {\"type\":\"doc\",\"version\":1,\"content\":[]}  '}",
            diskFull(true, "x"))
        .conversation()
        .run(caller);
    assertThat(caller.body(1).path("fields").path("description").toString())
        .isEqualTo("{\"type\":\"doc\",\"version\":1,\"content\":[]}");

    ScriptedCaller refused = new ScriptedCaller().answer(200, "{\"issues\":[]}");
    assertThat(prepare("{" + v3 + "}", diskFull(true, "x")).conversation().run(refused))
        .isEqualTo(new AttemptResult.Failed("description template: invalid JSON for API v3"));
    assertThat(refused.calls).hasSize(1);
  }

  @Test
  void summaryAndDescriptionAreCut() throws Exception {
    ScriptedCaller caller = new ScriptedCaller().answer(200, "{\"issues\":[]}").answer(201, "{}");
    prepare(
            "{"
                + REQUIRED
                + ", summary: '{{ range .Alerts }}{{ .Labels.severity }}{{ end }}',"
                + " description: '{{ range .Alerts }}{{ .Labels.severity }}{{ end }}'}",
            diskFull(true, "é".repeat(40000)))
        .conversation()
        .run(caller);

    String summary = caller.body(1).path("fields").path("summary").asText();
    String description = caller.body(1).path("fields").path("description").asText();
    assertThat(summary.codePointCount(0, summary.length())).isEqualTo(255);
    assertThat(summary).endsWith("é…");
    assertThat(description.codePointCount(0, description.length())).isEqualTo(32767);
    assertThat(description).endsWith("é…");
  }

  @Test
  void theDefaultPriorityFollowsTheWorstSeverity() throws Exception {
    assertThat(priority(diskFull(true, "info"))).isEqualTo("Low");
    assertThat(priority(diskFull(false, "critical"))).isEqualTo("High");
    assertThat(priority(diskFull(true, "none"))).isEmpty();
  }

  private static String priority(Notification n) throws Exception {
    ScriptedCaller caller = new ScriptedCaller().answer(200, "{\"issues\":[]}").answer(201, "{}");
    if (n.getStatus().toString().equals("RESOLVED")) {
      caller.answers.clear();
      caller
          .answer(
              200,
              "{\"issues\":[{\"key\":\"OPS-1\",\"fields\":{\"status\":{\"statusCategory\":{\"key\":\"new\"}}}}]}")
          .answer(204, "");
    }
    prepare("{" + REQUIRED + "}", n).conversation().run(caller);
    return caller.body(1).path("fields").path("priority").path("name").asText("");
  }
}
