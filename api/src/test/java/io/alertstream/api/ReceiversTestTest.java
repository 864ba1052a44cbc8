package io.alertstream.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.api.receivertest.ReceiverTester;
import io.alertstream.api.server.ServerSettings;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.query.TenantLocator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/receivers/test} against a real HTTP peer. */
class ReceiversTestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemoryTenantConfigs configs = new InMemoryTenantConfigs();
  private final InMemoryTenantState state = new InMemoryTenantState();
  private ApiServer server;

  @BeforeEach
  void start() throws Exception {
    peer.start();
    peer.stubFor(post(urlPathEqualTo("/ok/t0ken")).willReturn(aResponse().withStatus(200)));
    peer.stubFor(
        post(urlPathEqualTo("/refuses/s3cret"))
            .willReturn(aResponse().withStatus(400).withBody("no such hook")));
    configs.write(
        "acme",
        TenantConfig.newBuilder()
            .setTenant("acme")
            .setVersion(7)
            .setAlertmanagerConfig(config("team"))
            .setUpdatedAt(Instant.now())
            .build());
    server =
        new ApiServer(
                new InetSocketAddress("127.0.0.1", 0),
                new ApiServer.Services(
                    (tenant, alerts) -> {},
                    configs,
                    configs,
                    io.alertstream.config.tenant.TenantLimitsSource.fixed(TenantLimits.NONE),
                    state,
                    state,
                    new io.alertstream.topology.tenancy.FallbackConfigSource(
                        new ConfigParser().parse(ServerSettings.DEFAULT_FALLBACK_CONFIG)),
                    Optional.empty(),
                    TenantLocator.LOCAL,
                    Optional.empty(),
                    ReceiverTester.network(false, "http://alertstream.example")),
                Clock.systemUTC())
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
    peer.stop();
  }

  private String config(String receiver) {
    String base = "http://127.0.0.1:" + peer.port();
    return "route:\n  receiver: "
        + receiver
        + "\nreceivers:\n  - name: "
        + receiver
        + "\n    webhook_configs:\n      - url: '"
        + base
        + "/ok/t0ken'\n      - url: '"
        + base
        + "/refuses/s3cret'\n";
  }

  private HttpResponse<String> test(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v1/receivers/test"))
            .header("X-Scope-OrgID", "acme")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void sendsToEveryIntegrationOfTheCurrentReceiverAndSaysWhatBecameOfEach() throws Exception {
    HttpResponse<String> response = test("{\"receiver\": \"team\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("delivered").asBoolean()).isFalse();
    JsonNode integrations = answer.path("integrations");
    assertThat(integrations).hasSize(2);
    assertThat(integrations.get(0).path("outcome").asText()).isEqualTo("delivered");
    assertThat(integrations.get(0).path("detail").asText()).isEqualTo("status 200");
    assertThat(integrations.get(1).path("outcome").asText()).isEqualTo("failed");
    assertThat(integrations.get(1).path("detail").asText())
        .contains("unexpected status code 400")
        .contains("no such hook");
    assertThat(response.body()).doesNotContain("t0ken").doesNotContain("s3cret");
    peer.verify(
        postRequestedFor(urlPathEqualTo("/ok/t0ken"))
            .withRequestBody(matchingJsonPath("$.alerts[0].labels.alertname", equalTo("TestAlert")))
            .withRequestBody(matchingJsonPath("$.receiver", equalTo("team"))));
  }

  @Test
  void aCandidateConfigIsTestedWithoutBeingStoredAndTheAlertIsTheRequests() throws Exception {
    String body =
        JSON.createObjectNode()
            .put("receiver", "candidate")
            .put("alertmanager_config", config("candidate"))
            .set(
                "alert", JSON.readTree("{\"labels\": {\"alertname\": \"Mine\", \"team\": \"db\"}}"))
            .toString();

    HttpResponse<String> response = test(body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("integrations").get(0).path("outcome").asText())
        .isEqualTo("delivered");
    peer.verify(
        postRequestedFor(urlPathEqualTo("/ok/t0ken"))
            .withRequestBody(matchingJsonPath("$.commonLabels.team", equalTo("db"))));
    assertThat(configs.current("acme").orElseThrow().getAlertmanagerConfig())
        .isEqualTo(config("team"));
  }

  @Test
  void anUnknownReceiverOrABrokenCandidateIsRefusedNamingTheProblem() throws Exception {
    HttpResponse<String> unknown = test("{\"receiver\": \"nobody\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("receiver \\\"nobody\\\" not found");

    HttpResponse<String> broken =
        test("{\"receiver\": \"x\", \"alertmanager_config\": \"route: {}\\nreceivers: []\"}");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("error validating Alertmanager config");

    HttpResponse<String> notJson = test("receiver=team");
    assertThat(notJson.statusCode()).isEqualTo(400);
    peer.verify(0, postRequestedFor(anyUrl()));
  }

  private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalTo(String v) {
    return com.github.tomakehurst.wiremock.client.WireMock.equalTo(v);
  }
}
