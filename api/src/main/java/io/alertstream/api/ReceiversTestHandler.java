package io.alertstream.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.alertstream.api.receivertest.IntegrationTestResult;
import io.alertstream.api.receivertest.ReceiverTester;
import io.alertstream.api.receivertest.TestNotification;
import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.config.tenant.ParsedConfigs;
import io.alertstream.config.tenant.TenantLimitsSource;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.config.tenant.UserConfig;
import io.alertstream.config.tenant.UserConfigParser;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import io.alertstream.topology.tenancy.TenantConfigStore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code POST /api/v1/receivers/test}: sends a test notification to every integration of one
 * receiver of the tenant's current config, or of a candidate config given in the body, and answers
 * with what became of each. Body: {@code {"receiver": "team-x"}}, optionally with {@code
 * "alertmanager_config"} and {@code "template_files"} (a candidate, validated as the config API
 * validates it and not stored) and {@code "alert": {"labels": {}, "annotations": {}}}. One test
 * runs per tenant at a time.
 */
final class ReceiversTestHandler extends TenantHandler {

  private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
  private static final int MAX_LABELS = 64;

  private final TenantConfigStore store;
  private final TenantLimitsSource limits;
  private final ReceiverTester tester;
  private final UserConfigParser parser = new UserConfigParser();
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  ReceiversTestHandler(
      RequestTenant tenants,
      TenantConfigStore store,
      TenantLimitsSource limits,
      ReceiverTester tester) {
    super(tenants);
    this.store = store;
    this.limits = limits;
    this.tester = tester;
  }

  @Override
  void handle(HttpExchange exchange, String tenant) throws IOException, BadRequestException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      throw methodNotAllowed(exchange, "POST");
    }
    byte[] raw = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (raw.length > MAX_BODY_BYTES) {
      throw new BadRequestException(413, "body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode body;
    try {
      body = ApiJson.JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new BadRequestException(400, "body is not JSON: " + e.getOriginalMessage());
    }
    if (body == null || !body.isObject() || !body.path("receiver").isTextual()) {
      throw new BadRequestException(
          400, "body must be a JSON object with receiver (a receiver's name)");
    }
    String receiverName = body.path("receiver").asText();
    TestNotification alert = alert(body.path("alert"));
    Candidate candidate =
        body.has("alertmanager_config") ? candidate(tenant, body) : current(tenant);
    ReceiverConfig receiver =
        candidate
            .config()
            .receiver(receiverName)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        404,
                        "receiver \""
                            + receiverName
                            + "\" not found in the "
                            + (candidate.version() == 0 ? "given" : "tenant's current")
                            + " config"));
    if (!running.add(tenant)) {
      throw new BadRequestException(429, "a receiver test is already running for this tenant");
    }
    List<IntegrationTestResult> results;
    try {
      results =
          tester.test(
              tenant,
              receiver,
              candidate.version(),
              candidate.templates(),
              candidate.settings(),
              alert);
    } finally {
      running.remove(tenant);
    }
    ObjectNode answer = ApiJson.JSON.createObjectNode();
    answer.put("receiver", receiverName);
    answer.put("delivered", results.stream().allMatch(IntegrationTestResult::delivered));
    ObjectNode sentAlert = answer.putObject("alert");
    alert.labels().forEach(sentAlert.putObject("labels")::put);
    alert.annotations().forEach(sentAlert.putObject("annotations")::put);
    ArrayNode integrations = answer.putArray("integrations");
    for (IntegrationTestResult r : results) {
      ObjectNode item = integrations.addObject();
      item.put("type", r.type());
      item.put("index", r.index());
      item.put("id", r.id());
      item.put("outcome", r.outcome());
      item.put("detail", r.detail());
    }
    JsonResponses.json(exchange, 200, answer);
  }

  /** What the test sends to: a config with its version, templates and Alertstream settings. */
  private record Candidate(
      AlertmanagerConfig config, long version, TemplateSet templates, TenantSettings settings) {}

  private Candidate current(String tenant) throws BadRequestException {
    TenantConfig stored =
        store
            .current(tenant)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        404, "the tenant has no config: give alertmanager_config to test one"));
    try {
      return new Candidate(
          ParsedConfigs.shared().parse(tenant, stored.getVersion(), stored.getAlertmanagerConfig()),
          stored.getVersion(),
          templates(tenant, stored.getTemplateFiles()),
          ConfigApiHandler.settings(stored));
    } catch (InvalidConfigException e) {
      throw new BadRequestException(
          409, "the tenant's current config no longer parses: " + e.getMessage());
    }
  }

  private Candidate candidate(String tenant, JsonNode body) throws BadRequestException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("alertmanager_config", body.path("alertmanager_config").asText());
    Map<String, String> files = new LinkedHashMap<>();
    body.path("template_files")
        .fields()
        .forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
    document.put("template_files", files);
    UserConfig config;
    try {
      config = parser.parse(new Yaml().dump(document), limits.forTenant(tenant));
    } catch (InvalidConfigException e) {
      throw new BadRequestException(400, "error validating Alertmanager config: " + e.getMessage());
    }
    return new Candidate(
        config.parsed(), 0, templates(tenant, config.templateFiles()), config.settings());
  }

  private static TemplateSet templates(String tenant, Map<String, String> files)
      throws BadRequestException {
    try {
      return TenantTemplates.of(tenant, files);
    } catch (TemplateException e) {
      throw new BadRequestException(400, "template_files: " + e.getMessage());
    }
  }

  private static TestNotification alert(JsonNode node) throws BadRequestException {
    if (node.isMissingNode() || node.isNull()) {
      return TestNotification.DEFAULT;
    }
    Map<String, String> labels = strings(node.path("labels"), "alert.labels");
    Map<String, String> annotations = strings(node.path("annotations"), "alert.annotations");
    if (labels.isEmpty()) {
      labels = TestNotification.DEFAULT.labels();
    }
    return new TestNotification(labels, annotations);
  }

  private static Map<String, String> strings(JsonNode node, String field)
      throws BadRequestException {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isObject() || node.size() > MAX_LABELS) {
      throw new BadRequestException(
          400, field + " must be an object of at most " + MAX_LABELS + " string values");
    }
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
      if (!e.getValue().isTextual()) {
        throw new BadRequestException(400, field + "." + e.getKey() + " must be a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }
}
