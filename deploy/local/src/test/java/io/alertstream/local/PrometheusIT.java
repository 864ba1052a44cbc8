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
import io.alertstream.api.ApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus 2.42 (Debian's package) with an always-firing rule, pointed at Alertstream with
 * basic auth as the tenant, leads to a webhook notification.
 */
class PrometheusIT {

  private static final Path BINARY = Path.of("/usr/bin/prometheus");
  private static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;
  private static ApiServer authenticated;
  private static Process prometheus;

  @BeforeAll
  static void start() throws Exception {
    TestStacks.requireBinary(BINARY);
    receiver.start();
    receiver.stubFor(
        post(urlPathEqualTo("/from-prometheus")).willReturn(aResponse().withStatus(200)));
    stack = TestStacks.shared();
    authenticated = TestStacks.authenticatedApi(stack, Map.of("prom-tenant", "prom-pw"));
    TestStacks.publishConfig(
        stack, "prom-tenant", TestStacks.webhookConfig(receiver.baseUrl() + "/from-prometheus"));
    Path dir = Files.createTempDirectory("prometheus");
    Files.writeString(
        dir.resolve("rules.yml"),
        "groups:\n- name: alertstream-it\n  interval: 1s\n  rules:\n  - alert: AlwaysFiring\n"
            + "    expr: vector(1)\n    labels: {severity: page}\n"
            + "    annotations: {summary: fired by Prometheus}\n");
    Files.writeString(
        dir.resolve("prometheus.yml"),
        "global: {evaluation_interval: 1s}\nrule_files: [rules.yml]\nalerting:\n  alertmanagers:\n"
            + "  - api_version: v2\n    basic_auth: {username: prom-tenant, password: prom-pw}\n"
            + "    static_configs: [{targets: ['127.0.0.1:"
            + authenticated.port()
            + "']}]\n");
    prometheus =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + TestStacks.freePort(),
                // Prometheus sends a new alert only after the resend delay (1 m by default).
                "--rules.alert.resend-delay=1s")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.destroy();
    }
    if (authenticated != null) {
      authenticated.close();
    }
    receiver.stop();
  }

  @Test
  void aFiringRuleReachesTheTenantsWebhook() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/from-prometheus"))))
                    .isNotEmpty());
    JsonNode payload =
        new ObjectMapper()
            .readTree(
                receiver
                    .findAll(postRequestedFor(urlPathEqualTo("/from-prometheus")))
                    .get(0)
                    .getBodyAsString());
    JsonNode alert = payload.path("alerts").get(0);
    assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("AlwaysFiring");
    assertThat(alert.path("labels").path("severity").asText()).isEqualTo("page");
    assertThat(alert.path("annotations").path("summary").asText()).isEqualTo("fired by Prometheus");
    assertThat(alert.path("generatorURL").asText()).contains("/graph?g0.expr=vector");
  }
}
