package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant input is hostile: tenant A's route has a regex that backtracks for minutes in
 * java.util.regex on A's own alert, and A's Slack templates loop for ever and write megabytes.
 * Tenants B (webhook) and C (Slack), posting after A, are notified within their group_wait plus a
 * second; A's alert is notified with the default texts and the failure recorded; a restart on the
 * same data comes up and serves normally.
 */
class TenantSafetyIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GROUP_WAIT = Duration.ofSeconds(1);
  private static final String HOSTILE_JOB = "a".repeat(32) + "!";

  /** Valid for Alertmanager too: recursion that fans out twice per level, 2^64 calls. */
  private static final String HOSTILE_TEMPLATES =
      "{{ define \"loops\" }}{{ if lt (len .) 64 }}{{ template \"loops\" (printf \"%sx\" .) }}"
          + "{{ template \"loops\" (printf \"%sy\" .) }}{{ end }}{{ end }}\n"
          + "{{ define \"writes\" }}{{ if lt (len .) 64 }}{{ template \"writes\" (printf \"%sx\" .) }}"
          + "{{ template \"writes\" (printf \"%sy\" .) }}{{ else }}{{ . }}{{ end }}{{ end }}\n";

  private final WireMockServer endpoints = new WireMockServer(wireMockConfig().dynamicPort());
  @TempDir Path dataDir;
  @TempDir Path tenantsDir;

  @BeforeEach
  void start() {
    endpoints.start();
    endpoints.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  @AfterEach
  void stop() {
    endpoints.stop();
  }

  @Test
  void oneTenantsRegexAndTemplatesDoNotDelayAnotherTenant() throws Exception {
    LocalSettings settings = TestStacks.settings(dataDir, tenantsDir);
    try (LocalStack stack = LocalStack.start(settings)) {
      publishTenants(stack);
      // The first notification of a fresh stack waits for clients to connect; not measured.
      post(stack, "tenant-b", "WarmUp", "api");
      post(stack, "tenant-c", "WarmUp", "api");
      awaitRequest("/b-hook", "WarmUp");
      awaitRequest("/c-slack", "WarmUp");

      post(stack, "tenant-a", "Hostile", HOSTILE_JOB);
      long afterA = System.nanoTime();
      post(stack, "tenant-b", "Calm", "api");
      post(stack, "tenant-c", "Calm", "api");

      awaitWithinGroupWaitPlusASecond("/b-hook", afterA);
      awaitWithinGroupWaitPlusASecond("/c-slack", afterA);

      JsonNode attachment = awaitSlackBody("/a-slack").path("attachments").get(0);
      assertThat(attachment.path("title").asText()).startsWith("[FIRING:1] Hostile ");
      assertThat(attachment.path("text").asText()).isEmpty();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                JsonNode history = notifications(stack, "tenant-a");
                assertThat(history).hasSize(1);
                assertThat(history.get(0).path("outcome").asText()).isEqualTo("delivered");
                assertThat(history.get(0).path("outcomeReason").asText())
                    .contains("title: ")
                    .contains("render limit");
              });
    }

    try (LocalStack restarted = LocalStack.start(settings)) {
      post(restarted, "tenant-b", "AfterRestart", "api");
      awaitRequest("/b-hook", "AfterRestart");
      endpoints.verify(1, postRequestedFor(urlPathEqualTo("/a-slack")));
    }
  }

  private void publishTenants(LocalStack stack) throws Exception {
    String slack = endpoints.baseUrl();
    TestStacks.publishConfig(
        stack,
        "tenant-a",
        route(
                "a-chat",
                "  routes:\n    - matchers: ['job=~\"(.*a){20}\"']\n      receiver: a-chat\n")
            + "receivers:\n  - name: a-chat\n    slack_configs:\n      - api_url: '"
            + slack
            + "/a-slack'\n        title: '{{ template \"loops\" \"\" }}'\n"
            + "        text: '{{ template \"writes\" \"\" }}'\n",
        Map.of("hostile.tmpl", HOSTILE_TEMPLATES));
    TestStacks.publishConfig(
        stack,
        "tenant-b",
        route("b-hook", "")
            + "receivers:\n  - name: b-hook\n    webhook_configs:\n      - url: '"
            + slack
            + "/b-hook'\n");
    TestStacks.publishConfig(
        stack,
        "tenant-c",
        route("c-chat", "")
            + "receivers:\n  - name: c-chat\n    slack_configs:\n      - api_url: '"
            + slack
            + "/c-slack'\n");
  }

  private static String route(String receiver, String children) {
    return "route:\n  receiver: "
        + receiver
        + "\n  group_by: [alertname]\n  group_wait: "
        + GROUP_WAIT.toSeconds()
        + "s\n  group_interval: 1m\n"
        + children;
  }

  private static void post(LocalStack stack, String tenant, String alertname, String job)
      throws Exception {
    String body = "[{\"labels\":{\"alertname\":\"" + alertname + "\",\"job\":\"" + job + "\"}}]";
    assertThat(TestStacks.postAlerts(stack, tenant, body).statusCode()).isEqualTo(200);
  }

  private void awaitRequest(String path, String alertname) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                endpoints.verify(
                    1,
                    postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing(alertname))));
  }

  private void awaitWithinGroupWaitPlusASecond(String path, long postedNanos) {
    await()
        .atMost(GROUP_WAIT.plusSeconds(1))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                !endpoints
                    .findAll(
                        postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing("Calm")))
                    .isEmpty());
    System.out.printf(
        "%s notified %d ms after tenant A's hostile alert (group_wait %d ms)%n",
        path, (System.nanoTime() - postedNanos) / 1_000_000, GROUP_WAIT.toMillis());
  }

  private JsonNode awaitSlackBody(String path) throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !endpoints.findAll(postRequestedFor(urlPathEqualTo(path))).isEmpty());
    return JSON.readTree(
        endpoints.findAll(postRequestedFor(urlPathEqualTo(path))).get(0).getBodyAsString());
  }

  private static JsonNode notifications(LocalStack stack, String tenant) throws Exception {
    return JSON.readTree(
        TestStacks.send(stack, "GET", "/api/v1/notifications", tenant, null).body());
  }
}
