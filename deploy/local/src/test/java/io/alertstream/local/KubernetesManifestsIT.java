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
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.api.auth.PasswordHash;
import io.alertstream.api.server.ServerConfiguration;
import io.alertstream.api.server.ServerSettings;
import io.alertstream.api.server.TopicPlan;
import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.EmailConfig;
import io.alertstream.config.receivers.PagerdutyConfig;
import io.alertstream.config.receivers.SlackConfig;
import io.alertstream.config.routing.Route;
import io.alertstream.connectors.sink.NotificationSinkConfig;
import io.alertstream.schemas.Topics;
import io.alertstream.topology.streams.TopologySettings;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/kubernetes is schema-checked (Kubernetes, Strimzi and Prometheus Operator schemas, by the
 * node script in deploy/kubernetes/validate) and cross-checked against the code: topic names and
 * cleanup policies, server settings, connector classes and settings, the example tenants' configs
 * and credentials, and every metric the dashboard and rules query against a real /metrics.
 */
class KubernetesManifestsIT {

  private static final Path KUBERNETES = Path.of("..", "kubernetes");
  private static final Path BASE = KUBERNETES.resolve("base");
  private static final Path SEED = KUBERNETES.resolve("examples/seed");
  private static List<Map<String, Object>> resources;

  @BeforeAll
  static void load() throws IOException {
    resources = new ArrayList<>();
    for (Path file :
        List.of(BASE, SEED).stream().flatMap(KubernetesManifestsIT::yamlFiles).toList()) {
      if (!file.getFileName().toString().equals("kustomization.yaml")) {
        resources.addAll(documents(file));
      }
    }
  }

  @Test
  void theManifestsMatchTheirSchemas() throws Exception {
    Path node = Path.of("/usr/bin/node");
    TestStacks.requireBinary(node);
    Path validate = KUBERNETES.resolve("validate");
    if (!Files.isDirectory(validate.resolve("node_modules"))) {
      assertThat(run(validate, "npm", "ci", "--no-audit", "--no-fund")).isZero();
    }
    assertThat(run(validate, node.toString(), "validate.mjs")).isZero();
  }

  @Test
  void everyFileIsListedByAKustomizationAndEveryListedFileExists() throws IOException {
    Set<Path> listed = new TreeSet<>();
    for (Path dir : List.of(BASE, SEED)) {
      Map<String, Object> kustomization = documents(dir.resolve("kustomization.yaml")).get(0);
      for (Object entry : list(kustomization.get("resources"))) {
        Path path = dir.resolve(entry.toString()).normalize();
        assertThat(path).as("listed by " + dir).exists();
        listed.add(path);
      }
    }
    List<Path> files =
        Stream.of(BASE, SEED)
            .flatMap(KubernetesManifestsIT::yamlFiles)
            .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
            .map(Path::normalize)
            .toList();
    assertThat(listed).containsAll(files);
  }

  @Test
  void theTopicsAreTheOnesTheCodeUsesWithTheirCleanupPolicies() {
    Map<String, Map<String, Object>> topics = new HashMap<>();
    for (Map<String, Object> r : ofKind("KafkaTopic")) {
      topics.put(name(r), map(r.get("spec")));
    }
    List<NewTopic> plan = TopicPlan.topics(12, (short) 3, TopologySettings.INTEGRATION_TYPES);
    assertThat(topics.keySet())
        .containsExactlyInAnyOrderElementsOf(plan.stream().map(NewTopic::name).toList());
    for (NewTopic topic : plan) {
      Map<String, Object> spec = topics.get(topic.name());
      Map<String, Object> config = map(spec.get("config"));
      assertThat(spec.get("partitions")).as(topic.name()).isEqualTo(12);
      topic
          .configs()
          .forEach(
              (key, value) ->
                  assertThat(String.valueOf(config.get(key)))
                      .as(topic.name() + " " + key)
                      .isEqualTo(value));
    }
  }

  @Test
  void theServerSettingsAreValidAndMatchThePodSpec() throws Exception {
    Map<String, Object> configMap = named("ConfigMap", "alertstream-server");
    Properties props = new Properties();
    props.load(new StringReader(map(configMap.get("data")).get("server.properties").toString()));
    Map<String, String> environment = new HashMap<>();
    Map<String, Object> container = serverContainer();
    for (Object e : list(container.get("env"))) {
      Map<String, Object> env = map(e);
      String envName = env.get("name").toString();
      if (envName.startsWith(ServerConfiguration.ENV_PREFIX)) {
        environment.put(envName, env.containsKey("value") ? env.get("value").toString() : "secret");
      }
    }
    Map<String, String> values = new HashMap<>();
    props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
    values.putAll(ServerConfiguration.read(null, environment));
    assertThat(values.keySet())
        .as("every ALERTSTREAM_ variable of the pod is a setting")
        .containsAll(
            environment.keySet().stream()
                .map(
                    n ->
                        n.substring(ServerConfiguration.ENV_PREFIX.length())
                            .toLowerCase()
                            .replace('_', '.'))
                .toList());
    // Files that exist only in the pod:
    values.remove("auth.file");
    // The limits file is the alertstream-limits ConfigMap, mounted where the setting says.
    assertThat(values.get("limits.overrides.file"))
        .isEqualTo("/etc/alertstream/limits/runtime.yaml");
    assertThat(list(container.get("volumeMounts")))
        .anySatisfy(m -> assertThat(map(m).get("mountPath")).isEqualTo("/etc/alertstream/limits"));
    java.nio.file.Path limits = java.nio.file.Files.createTempFile("runtime", ".yaml");
    java.nio.file.Files.writeString(
        limits,
        map(named("ConfigMap", "alertstream-limits").get("data")).get("runtime.yaml").toString());
    values.put("limits.overrides.file", limits.toString());
    ServerSettings settings = ServerConfiguration.settings(values);

    assertThat(settings.standbyReplicas()).isPositive();
    assertThat(settings.advertisedApi().host()).contains("alertstream-headless");
    Object port = map(list(container.get("ports")).get(0)).get("containerPort");
    assertThat(port).isEqualTo(settings.apiAddress().getPort());
    assertThat(path(container, "livenessProbe")).isEqualTo("/-/healthy");
    assertThat(path(container, "readinessProbe")).isEqualTo("/-/ready");
    Map<String, Object> statefulSet = named("StatefulSet", "alertstream");
    assertThat(map(statefulSet.get("spec")).get("serviceName")).isEqualTo("alertstream-headless");
    assertThat(settings.stateDir().toString())
        .startsWith(map(list(container.get("volumeMounts")).get(0)).get("mountPath").toString());
  }

  @Test
  void theConnectorsAreOursWithValidSettings() throws Exception {
    // One KafkaConnector per notification topic, all of the one connector class.
    List<Map<String, Object>> connectors = ofKind("KafkaConnector");
    Set<String> topics = new TreeSet<>();
    for (Map<String, Object> connector : connectors) {
      Map<String, Object> spec = map(connector.get("spec"));
      assertThat(spec.get("class")).isEqualTo(EmbeddedConnect.CONNECTOR_CLASS.getName());
      Map<String, String> config = new HashMap<>();
      map(spec.get("config")).forEach((k, v) -> config.put(k, String.valueOf(v)));
      String type =
          EmbeddedConnect.TYPES.stream()
              .filter(t -> Topics.notifications(t).equals(config.get("topics")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("unknown topics " + config.get("topics")));
      topics.add(config.get("topics"));
      assertThat(config.get("errors.deadletterqueue.topic.name"))
          .isEqualTo(Topics.notificationsDlq(type));
      for (String key : config.keySet()) {
        boolean known =
            NotificationSinkConfig.DEF.names().contains(key)
                || key.startsWith(NotificationSinkConfig.KAFKA_CLIENT_PREFIX)
                || key.startsWith(NotificationSinkConfig.INTEGRATION_PREFIX)
                || key.equals("topics")
                || key.startsWith("errors.");
        assertThat(known).as(type + " connector setting " + key).isTrue();
      }
      SinkConnector instance =
          EmbeddedConnect.CONNECTOR_CLASS.getDeclaredConstructor().newInstance();
      List<String> errors =
          instance.validate(config).configValues().stream()
              .filter(v -> !v.errorMessages().isEmpty())
              .map(ConfigValue::toString)
              .toList();
      assertThat(errors).as(type).isEmpty();
      instance.start(config);
      instance.stop();
    }
    assertThat(topics)
        .containsExactlyInAnyOrderElementsOf(
            EmbeddedConnect.TYPES.stream().map(Topics::notifications).toList());
  }

  @Test
  void theExampleTenantsRouteAsTheSeedSaysAndTheirCredentialsMatch() throws Exception {
    Map<String, Object> configs =
        map(named("Secret", "alertstream-tenant-configs").get("stringData"));
    ConfigParser parser = new ConfigParser();
    AlertmanagerConfig stage = parser.parse(configs.get("stage.yml").toString());
    assertThat(stage.route().match(Map.of("alertname", "X")).stream().map(Route::receiver))
        .containsExactly("stage-alerts");
    assertThat(
            stage.receiver("stage-alerts").orElseThrow().configs(SlackConfig.class).get(0).fields())
        .containsEntry("channel", "#stage-alerts");
    AlertmanagerConfig prod = parser.parse(configs.get("prod.yml").toString());
    assertThat(
            prod.route().match(Map.of("alertname", "Down", "severity", "critical")).stream()
                .map(Route::receiver))
        .containsExactly("prod-pagerduty", "prod-team");
    var team = prod.receiver("prod-team").orElseThrow();
    assertThat(team.configs(SlackConfig.class).get(0).fields())
        .containsEntry("channel", "#prod-alerts");
    assertThat(team.configs(EmailConfig.class)).hasSize(1);
    assertThat(prod.receiver("prod-pagerduty").orElseThrow().configs(PagerdutyConfig.class))
        .hasSize(1);

    String credentials =
        map(named("Secret", "alertstream-tenant-credentials").get("stringData"))
            .get("credentials")
            .toString();
    for (String tenant : List.of("stage", "prod")) {
      Map<String, Object> login =
          map(named("Secret", "alertstream-tenant-" + tenant).get("stringData"));
      assertThat(login.get("username")).isEqualTo(tenant);
      String hash =
          credentials
              .lines()
              .filter(l -> l.startsWith(tenant + ":"))
              .map(l -> l.substring(tenant.length() + 1).trim())
              .findFirst()
              .orElseThrow();
      assertThat(PasswordHash.verify(login.get("password").toString().toCharArray(), hash))
          .as(tenant + "'s password matches its hash")
          .isTrue();
    }
    Set<String> selected = new TreeSet<>();
    for (Map<String, Object> prometheus : ofKind("Prometheus")) {
      selected.add(
          map(map(map(prometheus.get("spec")).get("ruleSelector")).get("matchLabels"))
              .get("tenant")
              .toString());
    }
    Set<String> labelled = new TreeSet<>();
    // The tenants' rules carry their tenant; Alertstream's own (for the operators' Prometheus) not.
    ofKind("PrometheusRule").stream()
        .map(r -> map(map(r.get("metadata")).get("labels")))
        .filter(labels -> labels != null && labels.containsKey("tenant"))
        .forEach(labels -> labelled.add(labels.get("tenant").toString()));
    assertThat(selected).containsExactly("prod", "stage").isEqualTo(labelled);
  }

  @Test
  void everyMetricTheDashboardAndRulesQueryIsServed() throws Exception {
    LocalStack stack = TestStacks.shared();
    WireMockServer hook = new WireMockServer(wireMockConfig().dynamicPort());
    hook.start();
    try {
      hook.stubFor(post(urlPathEqualTo("/k8s")).willReturn(aResponse().withStatus(200)));
      // Per-tenant series exist once a tenant has some: a config, alerts, a silence, a delivery.
      TestStacks.sendMetricsTraffic(stack, "k8s-metrics", hook.baseUrl() + "/k8s");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !hook.findAll(postRequestedFor(urlPathEqualTo("/k8s"))).isEmpty());
    } finally {
      hook.stop();
    }
    Set<String> queried = queriedByDashboardAndRules();
    // Connect's metrics come from its JMX exporter, "up" from Prometheus itself.
    List<String> ours =
        queried.stream().filter(m -> !m.startsWith("kafka_connect_") && !m.equals("up")).toList();
    assertThat(ours).isNotEmpty();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(served(stack)).containsAll(ours));
  }

  /** The metric names of the instance's and the Connect worker's (delivery) {@code /metrics}. */
  private static Set<String> served(LocalStack stack) throws Exception {
    Set<String> served = new TreeSet<>();
    for (String url : List.of(stack.apiUrl(), stack.connect().restUrl())) {
      String metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url.replaceAll("/$", "") + "/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      metrics
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("[{ ]", 2)[0])
          .forEach(served::add);
    }
    return served;
  }

  private static Set<String> queriedByDashboardAndRules() throws IOException {
    Set<String> queried = new LinkedHashSet<>();
    JsonNode dashboard =
        new ObjectMapper().readTree(BASE.resolve("dashboards/alertstream.json").toFile());
    dashboard.findValues("expr").forEach(e -> queried.addAll(metricNames(e.asText())));
    for (Map<String, Object> rule : ofKind("PrometheusRule")) {
      for (Object group : list(map(rule.get("spec")).get("groups"))) {
        for (Object r : list(map(group).get("rules"))) {
          queried.addAll(metricNames(map(r).get("expr").toString()));
        }
      }
    }
    return queried;
  }

  // --- helpers

  private static Set<String> metricNames(String expr) {
    String withoutStrings = expr.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\{[^}]*}", "{}");
    Set<String> names = new LinkedHashSet<>();
    Matcher m =
        Pattern.compile(
                "\\b((?:alertstream|alertmanager|cortex|kafka|jvm|process|up)[a-z0-9_]*)\\b")
            .matcher(withoutStrings);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static int run(Path dir, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    System.out.print(output);
    return process.exitValue();
  }

  private static Map<String, Object> serverContainer() {
    Map<String, Object> spec = map(named("StatefulSet", "alertstream").get("spec"));
    return map(list(map(map(spec.get("template")).get("spec")).get("containers")).get(0));
  }

  private static Object path(Map<String, Object> container, String probe) {
    return map(map(container.get(probe)).get("httpGet")).get("path");
  }

  private static Map<String, Object> named(String kind, String name) {
    return ofKind(kind).stream()
        .filter(r -> name(r).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static List<Map<String, Object>> ofKind(String kind) {
    return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
  }

  private static String name(Map<String, Object> resource) {
    return map(resource.get("metadata")).get("name").toString();
  }

  private static Stream<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Map<String, Object>> documents(Path file) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml(new LoaderOptions()).loadAll(Files.readString(file))) {
      if (doc != null) {
        docs.add(map(doc));
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }
}
