package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alertstream's metrics against the monitoring mixins of Alertmanager and Mimir, and against its
 * own alerts and dashboard: a real Prometheus (Debian's 2.42) scrapes the test stack's instance and
 * Connect worker after some traffic and evaluates the mixins' rules; every rule must evaluate
 * without error, every dashboard query must evaluate (with data where the traffic gives some), and
 * every metric Alertstream must serve must be there with its labels. The fixtures and what they
 * reproduce are described in src/test/resources/mixins/README.md.
 */
class MetricsCompatibilityIT {

  private static final Path BINARY = Path.of("/usr/bin/prometheus");
  private static final Path KUBERNETES_BASE = Path.of("..", "kubernetes", "base");
  private static final String TENANT = "metrics-it";
  private static final String HOOK = "/metrics-hook";

  /** The scrape jobs: the mixins' default and the one of Mimir's naming (README.md). */
  private static final String INSTANCE_JOB = "alertmanager";

  private static final String CONNECT_JOB = "alertmanager-connect";
  private static final String MIMIR_JOB = "alertstream/alertmanager";

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());

  private static LocalStack stack;
  private static Process prometheus;
  private static String prometheusUrl;
  private static int ruleCount;

  @BeforeAll
  static void start() throws Exception {
    TestStacks.requireBinary(BINARY);
    receiver.start();
    receiver.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(200)));
    stack = TestStacks.shared();
    sendTraffic();

    Path dir = Files.createTempDirectory("prometheus-mixins");
    List<String> ruleFiles = new ArrayList<>();
    for (String fixture : List.of("alertmanager-mixin-rules.yml", "mimir-alertmanager-rules.yml")) {
      Files.writeString(dir.resolve(fixture), fixture(fixture));
      ruleFiles.add(dir.resolve(fixture).toString());
    }
    // Alertstream's own alerts: the rule groups of the PrometheusRule.
    JsonNode alerts = YAML.readTree(KUBERNETES_BASE.resolve("alerts.yaml").toFile());
    ObjectNode alertstreamRules = JSON.createObjectNode();
    alertstreamRules.set("groups", alerts.path("spec").path("groups"));
    Path alertstreamRulesFile = dir.resolve("alertstream-rules.yml");
    YAML.writeValue(alertstreamRulesFile.toFile(), alertstreamRules);
    ruleFiles.add(alertstreamRulesFile.toString());
    ruleCount = 0;
    for (String file : ruleFiles) {
      for (JsonNode group : YAML.readTree(Path.of(file).toFile()).path("groups")) {
        ruleCount += group.path("rules").size();
      }
    }

    String instance = hostPort(stack.apiUrl());
    String connect = hostPort(stack.connect().restUrl());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(
        "global",
        Map.of("scrape_interval", "1s", "scrape_timeout", "1s", "evaluation_interval", "1s"));
    config.put("rule_files", ruleFiles);
    config.put(
        "scrape_configs",
        List.of(
            scrapeJob(INSTANCE_JOB, target(instance, "alertmanager-0")),
            scrapeJob(CONNECT_JOB, target(connect, "alertmanager-connect-0")),
            // Mimir's dashboards select job "<namespace>/alertmanager": both processes again.
            scrapeJob(
                MIMIR_JOB,
                target(instance, "alertmanager-0"),
                target(connect, "alertmanager-connect-0"))));
    Path configFile = dir.resolve("prometheus.yml");
    YAML.writeValue(configFile.toFile(), config);

    int port = TestStacks.freePort();
    prometheusUrl = "http://127.0.0.1:" + port;
    prometheus =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> get("/-/ready").statusCode() == 200);
  }

  /**
   * A tenant with a webhook receiver, a silence, two firing alerts (one silenced), an invalid
   * alert, and the notification of the unsilenced one.
   */
  private static void sendTraffic() throws Exception {
    TestStacks.sendMetricsTraffic(stack, TENANT, receiver.baseUrl() + HOOK);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo(HOOK))))
                    .anySatisfy(r -> assertThat(r.getBodyAsString()).contains("MetricsFiring")));
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.destroy();
    }
    receiver.stop();
  }

  @Test
  void everyTargetIsUp() {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode targets = api("/api/v1/targets", Map.of()).path("activeTargets");
              Set<String> jobs = new TreeSet<>();
              for (JsonNode target : targets) {
                jobs.add(target.path("labels").path("job").asText());
                assertThat(target.path("health").asText())
                    .as(target.path("scrapeUrl").asText() + ": " + target.path("lastError"))
                    .isEqualTo("up");
              }
              assertThat(targets.size()).as("targets").isEqualTo(4);
              assertThat(jobs).containsExactlyInAnyOrder(INSTANCE_JOB, CONNECT_JOB, MIMIR_JOB);
            });
  }

  @Test
  void everyRuleEvaluatesWithoutError() {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              List<String> unhealthy = new ArrayList<>();
              int evaluated = 0;
              for (JsonNode group : api("/api/v1/rules", Map.of()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                  evaluated++;
                  if (!rule.path("health").asText().equals("ok")) {
                    unhealthy.add(
                        group.path("name").asText()
                            + " / "
                            + rule.path("name").asText()
                            + ": "
                            + rule.path("health").asText()
                            + " "
                            + rule.path("lastError").asText());
                  }
                }
              }
              assertThat(evaluated).as("rules loaded").isEqualTo(ruleCount);
              assertThat(unhealthy).isEmpty();
            });
  }

  @Test
  void everyMetricToServeIsServedWithItsLabels() throws IOException {
    JsonNode served = YAML.readTree(fixture("served-metrics.yml"));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              List<String> problems = new ArrayList<>();
              for (JsonNode metric : served) {
                problems.addAll(checkServed(metric));
              }
              assertThat(problems).isEmpty();
            });
  }

  @Test
  void theReadmeListsTheMetricsToServe() throws IOException {
    String readme = fixture("README.md");
    String table =
        readme.substring(
            readme.indexOf("<!-- must-serve:start -->"), readme.indexOf("<!-- must-serve:end -->"));
    Set<String> listed = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-zA-Z0-9_:]+)` \\|").matcher(table);
    while (row.find()) {
      listed.add(row.group(1));
    }
    Set<String> inFile = new TreeSet<>();
    YAML.readTree(fixture("served-metrics.yml")).forEach(m -> inFile.add(m.path("name").asText()));
    assertThat(listed).isNotEmpty().isEqualTo(inFile);
  }

  @Test
  void everyMixinDashboardQueryEvaluates() throws IOException {
    JsonNode queries = YAML.readTree(fixture("dashboard-queries.yml"));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              List<String> problems = new ArrayList<>();
              for (JsonNode query : queries) {
                String where = query.path("source").asText() + " / " + query.path("panel").asText();
                problems.addAll(
                    checkQuery(
                        where, query.path("expr").asText(), query.path("nonEmpty").asBoolean()));
              }
              assertThat(problems).isEmpty();
            });
  }

  @Test
  void alertstreamsDashboardQueriesEvaluateAndTheirAlertmanagerMetricsExist() throws IOException {
    JsonNode dashboard =
        JSON.readTree(KUBERNETES_BASE.resolve("dashboards/alertstream.json").toFile());
    List<String> exprs = new ArrayList<>();
    dashboard
        .findValues("expr")
        .forEach(
            e ->
                exprs.add(
                    e.asText().replace("$namespace", "alertstream").replace("$tenant", ".*")));
    assertThat(exprs).isNotEmpty();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              List<String> problems = new ArrayList<>();
              Set<String> names = new TreeSet<>();
              for (String expr : exprs) {
                problems.addAll(checkQuery("alertstream.json", expr, false));
                names.addAll(alertmanagerMetricNames(expr));
              }
              for (String name : names) {
                problems.addAll(checkExists(name));
              }
              assertThat(problems).isEmpty();
            });
  }

  @Test
  void everyMetricTheAlertstreamAlertsReadExists() throws IOException {
    JsonNode alerts = YAML.readTree(KUBERNETES_BASE.resolve("alerts.yaml").toFile());
    Set<String> names = new TreeSet<>();
    for (JsonNode group : alerts.path("spec").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        names.addAll(metricNames(rule.path("expr").asText()));
      }
    }
    // kafka_connect_* come from the Connect pods' JMX exporter, which only Kubernetes runs.
    names.removeIf(n -> n.startsWith("kafka_connect_"));
    assertThat(names).isNotEmpty();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              List<String> problems = new ArrayList<>();
              for (String name : names) {
                problems.addAll(checkExists(name));
              }
              assertThat(problems).isEmpty();
            });
  }

  // --- checks, each returning its problems

  private static List<String> checkServed(JsonNode metric) throws Exception {
    String name = metric.path("name").asText();
    String job = metric.path("job").asText();
    JsonNode series = api("/api/v1/series", Map.of("match[]", name + "{job=\"" + job + "\"}"));
    if (series.isEmpty()) {
      return List.of(name + ": no series from job " + job);
    }
    List<String> problems = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    metric.path("labels").forEach(k -> keys.add(k.asText()));
    boolean allKeys = false;
    for (JsonNode s : series) {
      allKeys |= keys.stream().allMatch(s::has);
    }
    if (!allKeys) {
      problems.add(name + ": no series has all of " + keys + ": " + series);
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (var entry : metric.path("values").properties()) {
      List<String> wanted = new ArrayList<>();
      entry.getValue().forEach(v -> wanted.add(v.asText()));
      values.put(entry.getKey(), wanted);
    }
    if (keys.contains("user")) {
      values.put("user", List.of(TENANT));
    }
    values.forEach(
        (label, wanted) -> {
          Set<String> seen = new TreeSet<>();
          series.forEach(s -> seen.add(s.path(label).asText()));
          if (!seen.containsAll(wanted)) {
            problems.add(name + ": " + label + " has " + seen + ", wanted all of " + wanted);
          }
        });
    return problems;
  }

  private static List<String> checkQuery(String where, String expr, boolean nonEmpty)
      throws Exception {
    HttpResponse<String> response = get("/api/v1/query?query=" + encode(expr));
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() != 200 || !body.path("status").asText().equals("success")) {
      return List.of(where + ": " + body.path("error").asText() + " in " + expr);
    }
    JsonNode result = body.path("data").path("result");
    if (nonEmpty && result.isArray() && result.isEmpty()) {
      return List.of(where + ": no data for " + expr);
    }
    return List.of();
  }

  private static List<String> checkExists(String name) throws Exception {
    JsonNode series =
        api(
            "/api/v1/series",
            Map.of("match[]", name + "{job=~\"" + INSTANCE_JOB + "|" + CONNECT_JOB + "\"}"));
    return series.isEmpty() ? List.of(name + ": not served") : List.of();
  }

  // --- helpers

  /** Names of the alertmanager_* and cortex_alertmanager_* metrics an expression reads. */
  private static Set<String> alertmanagerMetricNames(String expr) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : metricNames(expr)) {
      if (name.startsWith("alertmanager_") || name.startsWith("cortex_alertmanager_")) {
        names.add(name);
      }
    }
    return names;
  }

  /** Metric-like names of an expression, outside strings and label matchers. */
  private static Set<String> metricNames(String expr) {
    String bare =
        expr.replaceAll("#[^\n]*", "")
            .replaceAll("\"[^\"]*\"", "\"\"")
            .replaceAll("\\{[^}]*}", "{}");
    Set<String> names = new LinkedHashSet<>();
    Matcher m =
        Pattern.compile("\\b((?:alertstream|alertmanager|cortex|kafka|jvm|process)_[a-z0-9_]+)\\b")
            .matcher(bare);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @SafeVarargs
  private static Map<String, Object> scrapeJob(String name, Map<String, Object>... targets) {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("job_name", name);
    job.put("metrics_path", "/metrics");
    job.put("static_configs", List.of(targets));
    return job;
  }

  private static Map<String, Object> target(String hostPort, String pod) {
    return Map.of(
        "targets",
        List.of(hostPort),
        "labels",
        Map.of("cluster", "it", "namespace", "alertstream", "pod", pod));
  }

  private static String hostPort(String url) {
    URI uri = URI.create(url);
    return uri.getHost() + ":" + uri.getPort();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = MetricsCompatibilityIT.class.getResourceAsStream("/mixins/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource mixins/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The {@code data} of a Prometheus API answer, failing on an error. */
  private static JsonNode api(String path, Map<String, String> params) throws Exception {
    StringBuilder query = new StringBuilder(path);
    char separator = '?';
    for (var param : params.entrySet()) {
      query.append(separator).append(param.getKey()).append('=').append(encode(param.getValue()));
      separator = '&';
    }
    HttpResponse<String> response = get(query.toString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("data");
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(prometheusUrl + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
