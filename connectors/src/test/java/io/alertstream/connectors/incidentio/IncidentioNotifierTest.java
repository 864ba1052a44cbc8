package io.alertstream.connectors.incidentio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.incidentio.IncidentioConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotifiedAlert;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentioNotifierTest {

  private static Outbound.HttpCall prepare(String settings, Notification n) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  incidentio_configs:\n  - "
                    + settings
                    + "\n");
    return (Outbound.HttpCall)
        new IncidentioNotifier()
            .prepare(
                n,
                TestNotifications.settings(config, "incidentio", IncidentioConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  private static Notification alerts(int count, String annotation) {
    List<NotifiedAlert> alerts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      alerts.add(
          TestNotifications.alert(
              Map.of("alertname", "DiskFull", "instance", "db-" + i),
              Map.of("summary", annotation),
              i % 2 == 0));
    }
    return TestNotifications.of(
        "incidentio", Map.of("alertname", "DiskFull"), Map.of("alertname", "DiskFull"), alerts);
  }

  private static JsonNode body(Outbound.HttpCall call) throws Exception {
    return new ObjectMapper().readTree(call.body());
  }

  @Test
  void thePayloadIsTheWebhooksWithVersion1() throws Exception {
    Outbound.HttpCall call =
        prepare(
            "{url: 'https://api.incident.io/v2/alert_events/http/01SRC', alert_source_token: t}",
            alerts(1, "full"));

    assertThat(body(call).toString())
        .isEqualTo(
            "{\"receiver\":\"team-x\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\","
                + "\"labels\":{\"alertname\":\"DiskFull\",\"instance\":\"db-0\"},"
                + "\"annotations\":{\"summary\":\"full\"},\"startsAt\":\"2026-03-01T11:00:00Z\","
                + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prom/graph\","
                + "\"fingerprint\":\"0123456789abcdef\"}],\"groupLabels\":{\"alertname\":\"DiskFull\"},"
                + "\"commonLabels\":{\"alertname\":\"DiskFull\"},\"commonAnnotations\":{},"
                + "\"externalURL\":\"http://alertstream:9093\",\"version\":\"1\","
                + "\"groupKey\":\"{}:{alertname=\\\"DiskFull\\\"}\",\"truncatedAlerts\":0}");
    assertThat(call.http().authorization().orElseThrow().value()).isEqualTo("Bearer t");
  }

  @Test
  void maxAlertsCutsTheListAndCountsTheRest() throws Exception {
    JsonNode body =
        body(
            prepare(
                "{url: 'https://i.example/x', alert_source_token: t, max_alerts: 2}",
                alerts(5, "a")));

    assertThat(body.path("alerts").size()).isEqualTo(2);
    assertThat(body.path("truncatedAlerts").asInt()).isEqualTo(3);
  }

  @Test
  void aPayloadOver512KibKeepsOnlyItsFirstAlert() throws Exception {
    JsonNode body =
        body(
            prepare(
                "{url: 'https://i.example/x', alert_source_token: t}",
                alerts(3, "x".repeat(200 * 1024))));

    assertThat(body.path("alerts").size()).isEqualTo(1);
    assertThat(body.path("alerts").get(0).path("labels").path("instance").asText())
        .isEqualTo("db-0");
    assertThat(body.path("truncatedAlerts").asInt()).isZero();
    assertThat(
            body(prepare(
                    "{url: 'https://i.example/x', alert_source_token: t}",
                    alerts(2, "x".repeat(200 * 1024))))
                .path("alerts")
                .size())
        .isEqualTo(2);
  }

  @Test
  void answersAreClassifiedAsAlertmanagerDoes() throws Exception {
    WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
    peer.start();
    try {
      JdkHttpSender http = new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC());
      Outbound.HttpCall call =
          prepare(
              "{url: '"
                  + peer.baseUrl()
                  + "/v2/alert_events/http/01SRC', alert_source_token: s3cret}",
              alerts(1, "a"));
      record Case(int status, String body, Class<? extends AttemptResult> outcome) {}
      List<Case> cases =
          List.of(
              new Case(
                  202,
                  "{\"status\":\"success\",\"message\":\"Event accepted\"}",
                  AttemptResult.Delivered.class),
              new Case(
                  400,
                  "{\"type\":\"validation_error\",\"message\":\"Invalid\",\"errors\":[\"a\",\"b\"]}",
                  AttemptResult.Failed.class),
              new Case(401, "{\"message\":\"unauthorized\"}", AttemptResult.Failed.class),
              new Case(403, "", AttemptResult.Failed.class),
              new Case(429, "{\"message\":\"rate limited\"}", AttemptResult.Retry.class),
              new Case(500, "", AttemptResult.Retry.class));
      for (Case c : cases) {
        peer.stubFor(
            post(urlPathEqualTo("/v2/alert_events/http/01SRC"))
                .willReturn(aResponse().withStatus(c.status()).withBody(c.body())));
        AttemptResult outcome = http.send(call);
        assertThat(outcome).as("%s", c).isInstanceOf(c.outcome());
        assertThat(outcome.toString()).doesNotContain("s3cret");
      }
      peer.verify(
          postRequestedFor(urlPathEqualTo("/v2/alert_events/http/01SRC"))
              .withHeader("Authorization", equalTo("Bearer s3cret")));
    } finally {
      peer.stop();
    }
  }

  @Test
  void aFailureReasonCarriesIncidentIosMessageAndErrors() {
    assertThat(
            IncidentioNotifier.checkAnswer(
                400, "{\"message\":\"Invalid\",\"errors\":[\"a\",\"b\"]}"))
        .isEqualTo(new AttemptResult.Failed("unexpected status code 400: Invalid: a, b", 400));
    assertThat(IncidentioNotifier.checkAnswer(202, "")).isNull();
    assertThat(IncidentioNotifier.checkAnswer(429, "")).isNull();
  }
}
