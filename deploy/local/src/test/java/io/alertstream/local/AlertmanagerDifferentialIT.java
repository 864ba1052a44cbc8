package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Alertmanager 0.25 (Debian's package) and Alertstream get the same config and the same
 * alerts; the Slack, PagerDuty and webhook requests both send must match field by field, once each
 * system's external URL is set aside and times are compared as instants.
 */
class AlertmanagerDifferentialIT {

  private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
  private static final String AM_EXTERNAL = "http://am.example:9093";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WireMockServer capture = new WireMockServer(wireMockConfig().dynamicPort());
  private static Process alertmanager;
  private static int alertmanagerPort;
  private static Path workDir;
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    TestStacks.requireBinary(BINARY);
    capture.start();
    capture.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    stack = TestStacks.shared();
    workDir = Files.createTempDirectory("alertmanager-diff");
    Files.writeString(workDir.resolve("diff.tmpl"), TEMPLATES);
    Files.writeString(workDir.resolve("corpus.tmpl"), CORPUS);
    Path config = workDir.resolve("alertmanager.yml");
    Files.writeString(config, "templates: ['" + workDir.resolve("*.tmpl") + "']\n" + config("am"));
    alertmanagerPort = TestStacks.freePort();
    alertmanager =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + config,
                "--storage.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                "--cluster.listen-address=",
                "--web.external-url=" + AM_EXTERNAL)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("alertmanager.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> get("http://127.0.0.1:" + alertmanagerPort + "/-/ready") == 200);
    TestStacks.publishConfig(
        stack, "diff-tenant", config("as"), Map.of("diff.tmpl", TEMPLATES, "corpus.tmpl", CORPUS));
  }

  @AfterAll
  static void stop() {
    if (alertmanager != null) {
      alertmanager.destroy();
    }
    capture.stop();
  }

  /** One config for both systems; {@code system} only changes the capture paths. */
  private static String config(String system) {
    String base = capture.baseUrl() + "/" + system;
    return "global:\n  slack_api_url: '"
        + base
        + "/slack'\n"
        + "route:\n  receiver: team.x\n  group_by: [alertname]\n  group_wait: 3s\n"
        + "  group_interval: 2s\n  repeat_interval: 1h\n"
        + "  routes:\n  - matchers: ['alertname=\"DiskTemplates\"']\n    receiver: templated\n"
        + "  - matchers: ['alertname=\"DiskCorpus\"']\n    receiver: corpus\n"
        + "receivers:\n- name: team.x\n"
        + "  slack_configs:\n  - channel: '#ops'\n    send_resolved: true\n"
        + "    fields: [{title: Severity, value: '{{ .CommonLabels.severity }}'}]\n"
        + "    actions: [{type: button, text: Runbook, url: 'http://runbook.example/disk'}]\n"
        + "  pagerduty_configs:\n  - routing_key: rk-diff\n    url: '"
        + base
        + "/pagerduty'\n"
        + "  webhook_configs:\n  - url: '"
        + base
        + "/webhook'\n"
        + "- name: templated\n  slack_configs:\n  - api_url: '"
        + base
        + "/slack-templated'\n    send_resolved: true\n"
        + "    title: '{{ template \"diff.title\" . }}'\n"
        + "    text: '{{ template \"diff.text\" . }}'\n"
        + "    fields: [{title: Severity, value: '{{ .CommonLabels.severity | toUpper }}'}]\n"
        + "- name: corpus\n  slack_configs:\n  - api_url: '"
        + base
        + "/slack-corpus'\n    send_resolved: true\n    fields:\n"
        + corpusFields();
  }

  /** The corpus: one template per Slack field, so one message carries every rendering. */
  private static final String CORPUS = corpus();

  private static String corpus() {
    try (var in =
        AlertmanagerDifferentialIT.class.getResourceAsStream("/template-corpus/corpus.tmpl")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> corpusNames() {
    List<String> names = new java.util.ArrayList<>();
    var m = java.util.regex.Pattern.compile("define \"(c\\d+)\"").matcher(CORPUS);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String corpusFields() {
    StringBuilder out = new StringBuilder();
    for (String name : corpusNames()) {
      out.append("    - {title: ")
          .append(name)
          .append(", value: '{{ template \"")
          .append(name)
          .append("\" . }}'}\n");
    }
    return out.toString();
  }

  /**
   * Templates exercising what teams write: conditionals on status, label sorting and removal, regex
   * replace and match, time formatting, ranges with variables, printf, escapers.
   */
  private static final String TEMPLATES =
      "{{ define \"diff.title\" }}[{{ .Status | toUpper }}{{ if eq .Status \"firing\" }}:"
          + "{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }} for"
          + " {{ .GroupLabels.SortedPairs.Values | join \", \" }}{{ end }}\n"
          + "{{ define \"diff.text\" -}}\n"
          + "{{ range $i, $a := .Alerts -}}\n"
          + "{{ $i }}. {{ $a.Labels.instance | title }} ({{ $a.Status }}) since"
          + " {{ $a.StartsAt.Format \"2006-01-02 15:04:05 MST\" }}\n"
          + "{{- if $a.Annotations.description }} - {{ $a.Annotations.description }}{{ end }}\n"
          + "{{ range $a.Labels.SortedPairs }}  {{ .Name }}={{ .Value }}\n{{ end -}}\n"
          + "{{ end -}}\n"
          + "{{ with .CommonLabels.Remove .GroupLabels.Names }}extra: {{ .Values | join \"|\" }}"
          + "{{ else }}no extra{{ end }}\n"
          + "{{ reReplaceAll \"db-([0-9]+)\" \"database #$1\" (index .Alerts 0).Labels.instance }}\n"
          + "{{ if match \"^Disk\" .CommonLabels.alertname }}disk alert{{ end }}"
          + " {{ printf \"%d/%d %q %5s|%-5s|%.2f\" (len .Alerts.Firing) (len .Alerts) .Receiver"
          + " \"ab\" \"cd\" 3.14159 }}\n"
          + "{{ $first := index .Alerts 0 }}{{ len $first.Labels }}"
          + " {{ index $first.Labels \"severity\" }} {{ $first.EndsAt.Format \"2006\" }}\n"
          + "{{ toLower \"ABC\" }} {{ stringSlice \"x\" \"y\" | join \"+\" }} {{ and 1 0 }}"
          + " {{ or \"\" \"z\" }} {{ not .Alerts }} {{ eq .Status \"firing\" \"resolved\" }}"
          + " {{ lt 1 2 }}\n"
          + "{{ html \"<a href='x'>\" }} {{ js \"it's\" }} {{ urlquery \"a b/c\" }}"
          + " {{ print 1 2 \"s\" 3.5 true }} {{ println \"end\" }}\n"
          + "{{- end }}\n";

  @Test
  void customTemplatesRenderTheSameAsInAlertmanager() throws Exception {
    JsonNode[] both = postToBothAndAwait("DiskTemplates", "slack-templated");
    JsonNode am = both[0];
    JsonNode as = both[1];
    JsonNode amAttachment = am.path("attachments").get(0);
    JsonNode asAttachment = as.path("attachments").get(0);
    assertThat(asAttachment.path("text").asText())
        .as("text")
        .isEqualTo(amAttachment.path("text").asText())
        .contains("database #1");
    assertThat(asAttachment.path("title").asText()).isEqualTo(amAttachment.path("title").asText());
    assertThat(as).isEqualTo(am);
  }

  @Test
  void aCorpusOfTemplatesRendersTheSameAsInAlertmanager() throws Exception {
    assertThat(corpusNames()).hasSizeGreaterThanOrEqualTo(40);
    JsonNode[] both = postToBothAndAwait("DiskCorpus", "slack-corpus");
    JsonNode amFields = both[0].path("attachments").get(0).path("fields");
    JsonNode asFields = both[1].path("attachments").get(0).path("fields");
    assertThat(amFields).hasSize(corpusNames().size());
    assertThat(asFields).hasSameSizeAs(amFields);
    System.out.println("template corpus, as rendered by Alertmanager 0.25: " + amFields);
    for (int i = 0; i < amFields.size(); i++) {
      assertThat(asFields.get(i).path("value").asText())
          .as("template %s", amFields.get(i).path("title").asText())
          .isEqualTo(amFields.get(i).path("value").asText());
    }
    assertThat(bodies("as", "slack-corpus", stack.apiUrl()).get(0))
        .isEqualTo(bodies("am", "slack-corpus", AM_EXTERNAL).get(0));
  }

  @Test
  void slackPagerdutyAndWebhookRequestsMatchAlertmanagers() throws Exception {
    Instant startsAt = recentStart();
    String firing = alerts(startsAt, null);
    postAlertmanager(firing);
    TestStacks.postAlerts(stack, "diff-tenant", firing);
    awaitRequests(1);

    String resolved =
        alerts(startsAt, Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
    postAlertmanager(resolved);
    TestStacks.postAlerts(stack, "diff-tenant", resolved);
    awaitRequests(2);

    for (String integration : List.of("slack", "pagerduty", "webhook")) {
      List<JsonNode> am = bodies("am", integration, AM_EXTERNAL);
      List<JsonNode> as = bodies("as", integration, stack.apiUrl());
      assertThat(as).as("%s requests", integration).hasSize(2);
      assertThat(am).as("%s requests", integration).hasSize(2);
      for (int i = 0; i < 2; i++) {
        assertThat(as.get(i))
            .as(
                "%s request %d\nAlertstream:  %s\nAlertmanager: %s",
                integration, i, as.get(i), am.get(i))
            .isEqualTo(am.get(i));
      }
    }
  }

  /**
   * Posts the two test alerts, named {@code alertname}, to both systems; returns the first request
   * each sent to the capture path, Alertmanager's then Alertstream's.
   */
  private static JsonNode[] postToBothAndAwait(String alertname, String path) throws Exception {
    String alerts = alerts(recentStart(), null).replace("DiffDisk", alertname);
    postAlertmanager(alerts);
    TestStacks.postAlerts(stack, "diff-tenant", alerts);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(bodies("am", path, AM_EXTERNAL)).isNotEmpty();
              assertThat(bodies("as", path, stack.apiUrl())).isNotEmpty();
            });
    return new JsonNode[] {
      bodies("am", path, AM_EXTERNAL).get(0), bodies("as", path, stack.apiUrl()).get(0)
    };
  }

  /**
   * A start within group_wait of now. Both systems flush at once for an alert older than
   * group_wait; then a POST of two alerts can be split across two notifications by either.
   */
  private static Instant recentStart() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String alerts(Instant startsAt, Instant endsAt) {
    StringBuilder out = new StringBuilder("[");
    for (String instance : List.of("db-2", "db-1")) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(
              "{\"labels\":{\"alertname\":\"DiffDisk\",\"severity\":\"critical\",\"job\":\"node\",")
          .append("\"instance\":\"")
          .append(instance)
          .append("\"},\"annotations\":{\"summary\":\"Disk <90%> & rising\",\"description\":\"")
          .append(instance)
          .append(
              " is \\\"full\\\"\"},\"generatorURL\":\"http://prometheus.example/graph?g0.expr=disk\",")
          .append("\"startsAt\":\"")
          .append(startsAt)
          .append('"');
      if (endsAt != null) {
        out.append(",\"endsAt\":\"").append(endsAt).append('"');
      }
      out.append('}');
    }
    return out.append(']').toString();
  }

  private static void awaitRequests(int each) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (String system : List.of("am", "as")) {
                for (String integration : List.of("slack", "pagerduty", "webhook")) {
                  assertThat(
                          capture
                              .findAll(
                                  postRequestedFor(
                                      urlPathEqualTo("/" + system + "/" + integration)))
                              .size())
                      .as("%s %s", system, integration)
                      .isGreaterThanOrEqualTo(each);
                }
              }
            });
  }

  private static List<JsonNode> bodies(String system, String integration, String externalUrl) {
    return capture
        .findAll(postRequestedFor(urlPathEqualTo("/" + system + "/" + integration)))
        .stream()
        .map(
            r -> {
              try {
                return normalise(JSON.readTree(r.getBodyAsString()), externalUrl);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }

  /** Each system's external URL becomes EXTERNAL; times become epoch milliseconds. */
  private static JsonNode normalise(JsonNode node, String externalUrl) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if ((field.getKey().equals("startsAt") || field.getKey().equals("endsAt"))
            && field.getValue().isTextual()) {
          field.setValue(
              new TextNode(Long.toString(Instant.parse(field.getValue().asText()).toEpochMilli())));
        } else {
          field.setValue(normalise(field.getValue(), externalUrl));
        }
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, normalise(array.get(i), externalUrl));
      }
      return array;
    }
    if (node.isTextual()) {
      return new TextNode(node.asText().replace(externalUrl, "EXTERNAL"));
    }
    return node;
  }

  private static void postAlertmanager(String json) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static int get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
