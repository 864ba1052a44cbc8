package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.schemas.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dry run is a tenant's setting, outside its alertmanager.yml: on the stack's own Slack connector
 * (not in dry run), the request for a tenant whose config API body says {@code alertstream:
 * {dry_run: true}} is recorded on the dry-run topic and never reaches Slack, while another tenant's
 * request to the same Slack is delivered. The API says which tenant is in dry run, and no URL or
 * token shows anywhere.
 */
class TenantDryRunIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DRY_PATH = "/services/T7/B7/dry-tenant-hook-secret-91c2";
  private static final String LIVE_PATH = "/services/T7/B8/live-tenant-hook-secret-5e0d";
  private static final String TOKEN = "xoxb-tenant-dry-run-token-secret";
  private static final WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    slack.start();
    slack.stubFor(post(urlPathMatching("/services/.*")).willReturn(aResponse().withBody("ok")));
    stack = TestStacks.shared();
  }

  @AfterAll
  static void stop() throws Exception {
    slack.stop();
    SecretLeaks.assertNoneLeaked(
        stack,
        List.of(DRY_PATH, LIVE_PATH, "dry-tenant-hook-secret", "live-tenant-hook-secret", TOKEN));
  }

  private static String body(String path, String alertstreamSection) {
    return "alertmanager_config: |\n"
        + "  route: {receiver: chat, group_by: [alertname], group_wait: 0s, group_interval: 1s}\n"
        + "  receivers:\n"
        + "  - name: chat\n"
        + "    slack_configs:\n"
        + "    - api_url: '"
        + slack.baseUrl()
        + path
        + "'\n"
        + "      channel: '#alerts'\n"
        + "      http_config: {authorization: {credentials: '"
        + TOKEN
        + "'}}\n"
        + alertstreamSection;
  }

  private static HttpResponse<String> send(String method, String path, String tenant, String body)
      throws Exception {
    return TestStacks.send(stack, method, path, tenant, body);
  }

  @Test
  void aDryRunTenantsSlackRequestIsRecordedWhileAnotherTenantsIsDelivered() throws Exception {
    assertThat(
            send(
                    "POST",
                    "/api/v1/alerts",
                    "dry-slack-tenant",
                    body(DRY_PATH, "alertstream:\n  dry_run: true\n"))
                .statusCode())
        .isEqualTo(201);
    assertThat(
            send("POST", "/api/v1/alerts", "live-slack-tenant", body(LIVE_PATH, "")).statusCode())
        .isEqualTo(201);

    TestStacks.postAlerts(
        stack, "dry-slack-tenant", "[{\"labels\":{\"alertname\":\"TenantDryRun\"}}]");
    TestStacks.postAlerts(
        stack, "live-slack-tenant", "[{\"labels\":{\"alertname\":\"TenantLive\"}}]");

    var record = TestStacks.awaitRecord(stack, Topics.DRY_RUN, "dry-slack-tenant", r -> true);
    JsonNode recorded = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    assertThat(recorded.path("integration").asText()).isEqualTo("slack");
    JsonNode request = recorded.path("request");
    assertThat(request.path("target").asText())
        .isEqualTo("http://localhost:" + slack.port() + "/<secret>");
    assertThat(request.path("headers").path("Authorization").asText()).isEqualTo("<secret>");
    assertThat(
            JSON.readTree(request.path("body").asText())
                .path("attachments")
                .path(0)
                .path("title")
                .asText())
        .contains("TenantDryRun");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> slack.verify(1, postRequestedFor(urlPathEqualTo(LIVE_PATH))));
    assertThat(slack.findAll(postRequestedFor(urlPathEqualTo(LIVE_PATH))).get(0).getBodyAsString())
        .contains("TenantLive");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode dry = notifications("dry-slack-tenant");
              assertThat(dry).hasSize(1);
              assertThat(dry.get(0).path("outcome").asText()).isEqualTo("dry-run");
              assertThat(dry.get(0).path("outcomeReason").asText())
                  .isEqualTo("dry run: the tenant's alertstream.dry_run setting");
              assertThat(notifications("live-slack-tenant").path(0).path("outcome").asText())
                  .isEqualTo("delivered");
            });
    slack.verify(0, postRequestedFor(urlPathEqualTo(DRY_PATH)));
  }

  @Test
  void theConfigApiAndTheUiSettingsSayWhichTenantIsInDryRun() throws Exception {
    send(
        "POST",
        "/api/v1/alerts",
        "dry-shown-tenant",
        body(DRY_PATH, "alertstream: {dry_run: [slack]}\n"));
    send("POST", "/api/v1/alerts", "live-shown-tenant", body(LIVE_PATH, ""));

    String dry = send("GET", "/api/v1/alerts", "dry-shown-tenant", null).body();
    assertThat(dry)
        .startsWith("# dry run: this tenant's slack notifications are not sent;")
        .contains("alertstream:\n  dry_run:\n  - slack\n")
        .contains("<secret>")
        .doesNotContain("hook-secret")
        .doesNotContain(TOKEN);
    JsonNode settings =
        JSON.readTree(send("GET", "/api/v1/settings", "dry-shown-tenant", null).body());
    assertThat(settings.path("dryRun").toString()).isEqualTo("[\"slack\"]");
    assertThat(settings.path("summary").asText()).startsWith("dry run: this tenant's slack");

    String live = send("GET", "/api/v1/alerts", "live-shown-tenant", null).body();
    assertThat(live).doesNotContain("dry run").doesNotContain("alertstream:");
    assertThat(
            JSON.readTree(send("GET", "/api/v1/settings", "live-shown-tenant", null).body())
                .path("dryRun"))
        .isEmpty();
  }

  private static JsonNode notifications(String tenant) throws Exception {
    return JSON.readTree(send("GET", "/api/v1/notifications", tenant, null).body());
  }
}
