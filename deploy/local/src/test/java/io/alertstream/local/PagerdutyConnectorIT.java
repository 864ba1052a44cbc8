package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.connectors.rendering.GroupKeyHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PagerDuty sink in a real Connect worker against a WireMock Events API. */
class PagerdutyConnectorIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROUTING_KEY = "pd-routing-key-secret-9c1e";
  private static final WireMockServer pagerduty =
      new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    pagerduty.start();
    stack = TestStacks.shared();
  }

  @AfterAll
  static void stop() throws Exception {
    pagerduty.stop();
    SecretLeaks.assertNoneLeaked(stack, List.of(ROUTING_KEY));
  }

  private static String config(String path) {
    return "route:\n  receiver: oncall\n  group_by: [alertname]\n  group_wait: 0s\n  group_interval: 1s\n"
        + "receivers:\n  - name: oncall\n    pagerduty_configs:\n      - routing_key: '"
        + ROUTING_KEY
        + "'\n        url: '"
        + pagerduty.baseUrl()
        + path
        + "'\n        severity: critical\n";
  }

  @Test
  void aBurstOfServerErrorsIsRetriedThenResolveUsesTheSameDedupKey() throws Exception {
    String path = "/v2/enqueue";
    pagerduty.stubFor(
        post(urlPathEqualTo(path))
            .inScenario("burst")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("second"));
    pagerduty.stubFor(
        post(urlPathEqualTo(path))
            .inScenario("burst")
            .whenScenarioStateIs("second")
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("up"));
    pagerduty.stubFor(
        post(urlPathEqualTo(path))
            .inScenario("burst")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(202).withBody("{\"status\":\"success\"}")));
    TestStacks.publishConfig(stack, "pd-tenant", config(path));
    String startsAt = Instant.now().minusSeconds(30).toString();
    String alert =
        "{\"labels\":{\"alertname\":\"PdDown\",\"instance\":\"db-1\"},"
            + "\"annotations\":{\"summary\":\"db-1 is down\"},"
            + "\"generatorURL\":\"http://prometheus/graph\",\"startsAt\":\""
            + startsAt
            + "\"";

    TestStacks.postAlerts(stack, "pd-tenant", "[" + alert + "}]");

    List<JsonNode> events = awaitEvents(path, 3);
    String dedupKey = GroupKeyHash.of("{}:{alertname=\"PdDown\"}");
    for (JsonNode event : events) {
      assertThat(event.path("dedup_key").asText()).isEqualTo(dedupKey);
      assertThat(event.path("event_action").asText()).isEqualTo("trigger");
    }
    JsonNode trigger = events.get(2);
    assertThat(trigger.path("routing_key").asText()).isEqualTo(ROUTING_KEY);
    assertThat(trigger.path("payload").path("summary").asText())
        .isEqualTo("[FIRING:1] PdDown (db-1)");
    assertThat(trigger.path("payload").path("source").asText()).isEqualTo("Alertmanager");
    assertThat(trigger.path("payload").path("severity").asText()).isEqualTo("critical");
    assertThat(trigger.path("payload").path("custom_details").path("num_firing").asText())
        .isEqualTo("1");
    assertThat(trigger.path("payload").path("custom_details").path("firing").asText())
        .isEqualTo(
            "Labels:\n - alertname = PdDown\n - instance = db-1\nAnnotations:\n - summary = db-1"
                + " is down\nSource: http://prometheus/graph\n");
    assertThat(trigger.path("client").asText()).isEqualTo("Alertmanager");

    TestStacks.postAlerts(
        stack,
        "pd-tenant",
        "[" + alert + ",\"endsAt\":\"" + Instant.now().minusSeconds(1) + "\"}]");
    JsonNode resolve = awaitEvents(path, 4).get(3);
    assertThat(resolve.path("event_action").asText()).isEqualTo("resolve");
    assertThat(resolve.path("dedup_key").asText()).isEqualTo(dedupKey);
    assertThat(resolve.path("payload").path("summary").asText())
        .isEqualTo("[RESOLVED] PdDown (db-1)");
  }

  @Test
  void aBadRequestGoesToTheDeadLetterTopicWithoutTheRoutingKey() throws Exception {
    String path = "/bad/enqueue";
    pagerduty.stubFor(
        post(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"status\":\"invalid event\",\"errors\":[\"bad severity\"]}")));
    TestStacks.publishConfig(
        stack, "pd-bad-tenant", config(path).replace("group_interval: 1s", "group_interval: 1m"));

    TestStacks.postAlerts(stack, "pd-bad-tenant", "[{\"labels\":{\"alertname\":\"PdBad\"}}]");

    var dead = TestStacks.awaitRecord(stack, EmbeddedConnect.DLQ_TOPIC, "pd-bad-tenant", r -> true);
    assertThat(TestStacks.deadLetterReason(dead))
        .contains("unexpected status code 400")
        .contains("bad severity");
    assertThat(new String(dead.value(), StandardCharsets.ISO_8859_1)).doesNotContain(ROUTING_KEY);
    // Not retried by the connector; the group's next flush tries again (NotificationLogIT), a
    // minute from now, so the one request seen is the connector's only attempt.
    pagerduty.verify(1, postRequestedFor(urlPathEqualTo(path)));
  }

  private static List<JsonNode> awaitEvents(String path, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pagerduty.findAll(postRequestedFor(urlPathEqualTo(path))).size() >= count);
    return pagerduty.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
        .map(
            r -> {
              try {
                return JSON.readTree(r.getBodyAsString());
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }
}
