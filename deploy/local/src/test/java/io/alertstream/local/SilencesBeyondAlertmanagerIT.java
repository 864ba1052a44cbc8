package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Alertmanager users have long asked for, on the real stack (broker, registry, topology,
 * Connect, a webhook peer): a silence until resolved ends by itself once its alert resolved (the
 * shared stack's grace is {@link TestStacks#UNTIL_RESOLVED_GRACE}), and a receiver with {@code
 * alertstream.resolved_after_silence} learns that a silenced alert it was told of resolved.
 */
class SilencesBeyondAlertmanagerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WireMockServer hook = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    hook.start();
    hook.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
    stack = TestStacks.shared();
  }

  @AfterAll
  static void stop() {
    hook.stop();
  }

  @Test
  void aSilenceUntilResolvedEndsOnceItsAlertResolved() throws Exception {
    String tenant = "until-resolved";
    TestStacks.publishConfig(stack, tenant, TestStacks.webhookConfig(hook.baseUrl() + "/hook"));
    String id = createSilence(tenant, "UntilResolvedDisk", true);
    assertThat(silence(tenant, id).path("untilResolved").asBoolean()).isTrue();

    postAlert(tenant, "UntilResolvedDisk", null);
    Thread.sleep(3000);
    assertThat(silence(tenant, id).path("status").path("state").asText())
        .as("firing and silenced: in force")
        .isEqualTo("active");
    postAlert(tenant, "UntilResolvedDisk", Instant.now());

    JsonNode ended =
        await(
            () -> silence(tenant, id),
            s -> s.path("status").path("state").asText().equals("expired"));
    assertThat(ended.path("expiredBy").asText()).isEqualTo("alerts_resolved");
    assertThat(requestsFor("UntilResolvedDisk")).as("silenced: never sent").isEmpty();

    postAlert(tenant, "UntilResolvedDisk", null);
    List<JsonNode> sent = awaitRequests("UntilResolvedDisk", 1);
    assertThat(sent.get(0).path("status").asText())
        .as("firing again after the silence ended: notified")
        .isEqualTo("firing");
  }

  @Test
  void anOptedInReceiverLearnsThatASilencedAlertResolved() throws Exception {
    String tenant = "resolved-after-silence";
    String body =
        "alertmanager_config: |\n"
            + TestStacks.webhookConfig(hook.baseUrl() + "/hook").indent(2)
            + "alertstream:\n  resolved_after_silence: [team]\n";
    var uploaded = TestStacks.send(stack, "POST", "/api/v1/alerts", tenant, body);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    assertThat(TestStacks.send(stack, "GET", "/api/v1/alerts", tenant, null).body())
        .contains("resolved_after_silence:")
        .contains("- team");

    postAlert(tenant, "ResolvedAfterSilenceDisk", null);
    assertThat(awaitRequests("ResolvedAfterSilenceDisk", 1).get(0).path("status").asText())
        .isEqualTo("firing");
    createSilence(tenant, "ResolvedAfterSilenceDisk", false);
    Thread.sleep(2500);
    postAlert(tenant, "ResolvedAfterSilenceDisk", Instant.now());

    List<JsonNode> sent = awaitRequests("ResolvedAfterSilenceDisk", 2);
    assertThat(sent.get(1).path("status").asText()).isEqualTo("resolved");
    assertThat(sent.get(1).path("alerts").get(0).path("labels").path("alertname").asText())
        .isEqualTo("ResolvedAfterSilenceDisk");
  }

  private static String createSilence(String tenant, String alertname, boolean untilResolved)
      throws Exception {
    String body =
        "{\"matchers\":[{\"name\":\"alertname\",\"value\":\""
            + alertname
            + "\",\"isRegex\":false}],\"startsAt\":\""
            + Instant.now()
            + "\",\"endsAt\":\""
            + Instant.now().plus(Duration.ofHours(2))
            + "\",\"createdBy\":\"it\",\"comment\":\"until it is fixed\""
            + (untilResolved ? ",\"untilResolved\":true" : "")
            + "}";
    var response = TestStacks.send(stack, "POST", "/api/v2/silences", tenant, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("silenceID").asText();
  }

  private static JsonNode silence(String tenant, String id) throws Exception {
    return JSON.readTree(
        TestStacks.send(stack, "GET", "/api/v2/silence/" + id, tenant, null).body());
  }

  /** Posts the alert firing (no end) or resolved at {@code endsAt}. */
  private static void postAlert(String tenant, String alertname, Instant endsAt) throws Exception {
    var response =
        TestStacks.postAlerts(
            stack,
            tenant,
            "[{\"labels\":{\"alertname\":\""
                + alertname
                + "\"},\"startsAt\":\"2026-01-01T00:00:00Z\""
                + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"")
                + "}]");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static List<JsonNode> requestsFor(String alertname) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (LoggedRequest r : hook.findAll(postRequestedFor(urlPathEqualTo("/hook")))) {
      JsonNode body = JSON.readTree(r.getBodyAsString());
      if (alertname.equals(body.path("commonLabels").path("alertname").asText())) {
        out.add(body);
      }
    }
    return out;
  }

  private static List<JsonNode> awaitRequests(String alertname, int count) throws Exception {
    return await(() -> requestsFor(alertname), l -> l.size() >= count);
  }

  private interface Probe<T> {
    T get() throws Exception;
  }

  private static <T> T await(Probe<T> probe, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 45 s; last seen: " + last);
      }
      Thread.sleep(200);
      last = probe.get();
    }
    return last;
  }
}
