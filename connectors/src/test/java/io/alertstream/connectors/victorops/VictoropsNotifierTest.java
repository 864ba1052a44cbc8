package io.alertstream.connectors.victorops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.victorops.VictoropsConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.GroupKeyHash;
import io.alertstream.connectors.rendering.TenantTemplates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VictoropsNotifierTest {

  private static final String ENTITY = GroupKeyHash.of("{}:{alertname=\"DiskFull\"}");

  private final WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
  private final JdkHttpSender http = new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC());

  @BeforeEach
  void start() {
    peer.start();
  }

  @AfterEach
  void stop() {
    peer.stop();
  }

  static Outbound.HttpCall prepare(String entry, boolean firing) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  victorops_configs:\n  - "
                    + entry
                    + "\n");
    var n =
        TestNotifications.of(
            "victorops",
            Map.of("alertname", "DiskFull"),
            Map.of("alertname", "DiskFull"),
            List.of(TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), firing)));
    return (Outbound.HttpCall)
        new VictoropsNotifier()
            .prepare(
                n,
                TestNotifications.settings(config, "victorops", VictoropsConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  private static String body(Outbound.HttpCall call) {
    return new String(call.body(), StandardCharsets.UTF_8);
  }

  @Test
  void aFiringGroupIsACriticalEventWithSortedFields() throws Exception {
    var call =
        prepare(
            "{api_key: k-1, routing_key: '{{ .CommonLabels.alertname }}',"
                + " custom_fields: {runbook: 'http://rb/{{ .CommonLabels.alertname }}'}}",
            true);

    assertThat(call.url().toString())
        .isEqualTo("https://alert.victorops.com/integrations/generic/20131114/alert/k-1/DiskFull");
    assertThat(body(call))
        .isEqualTo(
            "{\"entity_display_name\":\"[FIRING:1] DiskFull \",\"entity_id\":\""
                + ENTITY
                + "\",\"message_type\":\"CRITICAL\",\"monitoring_tool\":\"Alertmanager\","
                + "\"runbook\":\"http://rb/DiskFull\",\"state_message\":"
                + "\"\\nAlerts Firing:\\nLabels:\\n - alertname = DiskFull\\nAnnotations:\\n"
                + "Source: http://prom/graph\\n\\n\"}");
    assertThat(call.secrets()).extracting(s -> s.value()).containsExactly("k-1");
    assertThat(call.maskedTarget()).doesNotContain("k-1");
  }

  @Test
  void theMessageTypeIsKeptWhenVictoropsKnowsItAndRecoveryOnceResolved() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(
            json.readTree(
                    prepare("{api_key: k, routing_key: r, message_type: WARNING}", true).body())
                .path("message_type")
                .asText())
        .isEqualTo("WARNING");
    assertThat(
            json.readTree(prepare("{api_key: k, routing_key: r, message_type: PANIC}", true).body())
                .path("message_type")
                .asText())
        .isEqualTo("CRITICAL");
    var resolved =
        json.readTree(prepare("{api_key: k, routing_key: r, message_type: INFO}", false).body());
    assertThat(resolved.path("message_type").asText()).isEqualTo("RECOVERY");
    assertThat(resolved.path("entity_display_name").asText()).isEqualTo("[RESOLVED] DiskFull ");
  }

  @Test
  void theStateMessageIsCutAt20480Runes() throws Exception {
    var call =
        prepare("{api_key: k, routing_key: r, state_message: '" + "é".repeat(20500) + "'}", true);

    String message = new ObjectMapper().readTree(call.body()).path("state_message").asText();
    assertThat(message.codePointCount(0, message.length())).isEqualTo(20480);
    assertThat(message).endsWith("é…");
  }

  @Test
  void aRoutingKeyRenderingEmptyIsRefused() {
    assertThatThrownBy(
            () -> prepare("{api_key: s3cret, routing_key: '{{ .CommonLabels.team }}'}", true))
        .isInstanceOf(Notifier.Refusal.class)
        .hasMessageContaining("routing_key")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void answersAreClassifiedAsAlertmanagerDoes() throws Exception {
    var call =
        prepare("{api_key: k-1, routing_key: ops, api_url: '" + peer.baseUrl() + "/alert'}", true);

    assertThat(outcomeFor(call, 200)).isInstanceOf(AttemptResult.Delivered.class);
    assertThat(outcomeFor(call, 500)).isInstanceOf(AttemptResult.Retry.class);
    assertThat(outcomeFor(call, 429)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(outcomeFor(call, 401)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(outcomeFor(call, 403)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(outcomeFor(call, 400))
        .isInstanceOfSatisfying(
            AttemptResult.Failed.class, f -> assertThat(f.reason()).doesNotContain("k-1"));
    peer.verify(postRequestedFor(urlEqualTo("/alert/k-1/ops")));
  }

  private AttemptResult outcomeFor(Outbound.HttpCall call, int status) {
    peer.resetAll();
    peer.stubFor(
        post(urlEqualTo("/alert/k-1/ops"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withBody("{\"result\":\"failure\",\"message\":\"m\"}")));
    return http.send(call);
  }
}
