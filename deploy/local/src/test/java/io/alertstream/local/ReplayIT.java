package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What-if replay on the real stack: recorded alerts replayed with the unchanged config give the
 * notifications the live topology sent; with a changed route they show what would change.
 */
class ReplayIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;
  private static String config;
  private static Instant from;
  private static Instant to;

  @BeforeAll
  static void record() throws Exception {
    receiver.start();
    receiver.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200)));
    stack = TestStacks.shared();
    config =
        "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 1s\n  group_interval: 2s\n"
            + "  repeat_interval: 1h\nreceivers:\n"
            + "- name: team\n  webhook_configs: [{url: '"
            + receiver.baseUrl()
            + "/team'}]\n"
            + "- name: other\n  webhook_configs: [{url: '"
            + receiver.baseUrl()
            + "/other'}]\n";
    TestStacks.publishConfig(stack, "replay-tenant", config);
    from = Instant.now();
    Instant startA = Instant.now();
    postAlert("ReplayA", startA, null);
    Thread.sleep(3_900);
    postAlert("ReplayB", Instant.now(), null);
    Thread.sleep(2_100);
    postAlert("ReplayA", startA, Instant.now());
    postAlert("ReplayB", Instant.now(), null);
    Thread.sleep(4_000);
    to = Instant.now();
  }

  @AfterAll
  static void stop() {
    receiver.stop();
  }

  private static void postAlert(String name, Instant startsAt, Instant endsAt) throws Exception {
    String body =
        "[{\"labels\":{\"alertname\":\""
            + name
            + "\"},\"startsAt\":\""
            + startsAt
            + "\""
            + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"")
            + "}]";
    assertThat(TestStacks.postAlerts(stack, "replay-tenant", body).statusCode()).isEqualTo(200);
  }

  private static JsonNode replay(String candidate) throws Exception {
    ObjectNode request = JSON.createObjectNode();
    request.put("from", from.toString());
    request.put("to", to.toString());
    if (candidate != null) {
      request.put("alertmanager_config", candidate);
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/api/v1/replay"))
                    .header("X-Scope-OrgID", "replay-tenant")
                    .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void replayingWithTheSameConfigGivesWhatWasSent() throws Exception {
    JsonNode result = replay(null);

    assertThat(result.path("alerts").asInt()).isEqualTo(4);
    assertThat(result.path("sent")).hasSize(3);
    assertThat(result.path("wouldSend")).hasSize(3);
    assertThat(result.path("onlyInReplay")).isEmpty();
    assertThat(result.path("onlyInLive")).isEmpty();
  }

  @Test
  void aChangedRouteShowsWhatWouldChange() throws Exception {
    String candidate =
        config.replace(
            "  repeat_interval: 1h\n",
            "  repeat_interval: 1h\n  routes:\n  - matchers: ['alertname=\"ReplayB\"']\n    receiver: other\n");

    JsonNode result = replay(candidate);

    assertThat(result.path("onlyInReplay")).hasSize(1);
    assertThat(result.path("onlyInReplay").get(0).path("receiver").asText()).isEqualTo("other");
    assertThat(result.path("onlyInLive")).hasSize(1);
    assertThat(result.path("onlyInLive").get(0).path("receiver").asText()).isEqualTo("team");
  }

  @Test
  void aBadRequestIsRefusedWithTheReason() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/api/v1/replay"))
                    .header("X-Scope-OrgID", "replay-tenant")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"from\":\""
                                + from
                                + "\",\"to\":\""
                                + to
                                + "\",\"alertmanager_config\":\"route: {receiver: nobody}\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("alertmanager_config").contains("nobody");
  }
}
