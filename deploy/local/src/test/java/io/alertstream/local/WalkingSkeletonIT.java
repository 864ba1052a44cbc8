package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.alertstream.topology.alerts.Fingerprint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One alert in over HTTP, one webhook v4 delivery out, through every real part. */
class WalkingSkeletonIT {

  private static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    receiver.start();
    receiver.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
    stack = TestStacks.shared();
    TestStacks.publishConfig(
        stack, "skeleton", TestStacks.webhookConfig(receiver.baseUrl() + "/hook?token=s3cret"));
  }

  @AfterAll
  static void stop() {
    receiver.stop();
  }

  @Test
  void anAlertPostedOverHttpReachesTheWebhookAsAlertmanagersV4Payload() throws Exception {
    long posted = System.nanoTime();
    var response =
        TestStacks.postAlerts(
            stack,
            "skeleton",
            """
            [{"labels": {"alertname": "DiskFull", "instance": "db-1", "severity": "page"},
              "annotations": {"summary": "disk is full"},
              "generatorURL": "http://prometheus/graph"}]
            """);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> receiver.verify(1, postRequestedFor(urlPathEqualTo("/hook"))));
    System.out.printf(
        "POST to webhook delivery: %d ms%n", (System.nanoTime() - posted) / 1_000_000);

    String fingerprint =
        Fingerprint.of(Map.of("alertname", "DiskFull", "instance", "db-1", "severity", "page"));
    receiver.verify(
        postRequestedFor(urlPathEqualTo("/hook"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(matchingJsonPath("$.version", equalTo("4")))
            .withRequestBody(matchingJsonPath("$.status", equalTo("firing")))
            .withRequestBody(matchingJsonPath("$.receiver", equalTo("team")))
            .withRequestBody(matchingJsonPath("$.alerts[0].labels.alertname", equalTo("DiskFull")))
            .withRequestBody(matchingJsonPath("$.alerts[0].labels.instance", equalTo("db-1")))
            .withRequestBody(
                matchingJsonPath("$.alerts[0].annotations.summary", equalTo("disk is full")))
            .withRequestBody(matchingJsonPath("$.alerts[0].fingerprint", equalTo(fingerprint)))
            .withRequestBody(
                matchingJsonPath("$.alerts[0].generatorURL", equalTo("http://prometheus/graph")))
            .withRequestBody(matchingJsonPath("$.externalURL", equalTo(stack.apiUrl()))));
    List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlPathEqualTo("/hook")));
    JsonNode body = new ObjectMapper().readTree(requests.get(0).getBodyAsString());
    assertThat(body.get("alerts").get(0).get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(requests.get(0).getHeader("Idempotency-Key")).isNotBlank();
  }
}
