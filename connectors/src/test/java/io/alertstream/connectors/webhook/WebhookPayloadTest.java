package io.alertstream.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.IntegrationRef;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotificationReason;
import io.alertstream.schemas.NotifiedAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

  static Notification notification(int alertCount) {
    List<NotifiedAlert> alerts = new ArrayList<>();
    for (int i = 0; i < alertCount; i++) {
      alerts.add(
          NotifiedAlert.newBuilder()
              .setStatus(i == 0 ? AlertStatus.FIRING : AlertStatus.RESOLVED)
              .setLabels(Map.of("alertname", "DiskFull", "instance", "db-" + i))
              .setAnnotations(Map.of("summary", "disk is full"))
              .setStartsAt(Instant.parse("2026-03-01T11:00:00.5Z"))
              .setEndsAt(i == 0 ? null : Instant.parse("2026-03-01T11:30:00Z"))
              .setGeneratorURL("http://prom/graph")
              .setFingerprint("00000000000000" + i + i)
              .build());
    }
    return Notification.newBuilder()
        .setId("n-1")
        .setTenant("acme")
        .setReceiver("team-x")
        .setIntegration(new IntegrationRef("webhook", 0, ""))
        .setReason(NotificationReason.FIRST)
        .setConfigVersion(1)
        .setStatus(AlertStatus.FIRING)
        .setGroupKey("{}:{alertname=\"DiskFull\"}")
        .setGroupLabels(Map.of("alertname", "DiskFull"))
        .setCommonLabels(Map.of("alertname", "DiskFull"))
        .setCommonAnnotations(Map.of("summary", "disk is full"))
        .setExternalURL("http://alertstream:9093")
        .setAlerts(alerts)
        .setCreatedAt(Instant.parse("2026-03-01T12:00:00Z"))
        .build();
  }

  @Test
  void rendersAlertmanagersV4Shape() throws Exception {
    String json = new String(WebhookPayload.render(notification(2), 0));

    assertThat(json)
        .startsWith(
            "{\"receiver\":\"team-x\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",")
        .endsWith(
            "\"externalURL\":\"http://alertstream:9093\",\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"DiskFull\\\"}\",\"truncatedAlerts\":0}");
    JsonNode body = new ObjectMapper().readTree(json);
    JsonNode first = body.get("alerts").get(0);
    assertThat(first.get("labels").toString())
        .isEqualTo("{\"alertname\":\"DiskFull\",\"instance\":\"db-0\"}");
    assertThat(first.get("startsAt").asText()).isEqualTo("2026-03-01T11:00:00.500Z");
    assertThat(first.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(first.get("fingerprint").asText()).isEqualTo("0000000000000000");
    assertThat(body.get("alerts").get(1).get("status").asText()).isEqualTo("resolved");
    assertThat(body.get("alerts").get(1).get("endsAt").asText()).isEqualTo("2026-03-01T11:30:00Z");
    assertThat(body.get("groupLabels").get("alertname").asText()).isEqualTo("DiskFull");
  }

  @Test
  void maxAlertsTruncatesAndCountsTheRest() throws Exception {
    JsonNode body = new ObjectMapper().readTree(WebhookPayload.render(notification(5), 2));

    assertThat(body.get("alerts")).hasSize(2);
    assertThat(body.get("truncatedAlerts").asInt()).isEqualTo(3);
  }

  @Test
  void withMaxAlertsTheCommonLabelsAnnotationsAndStatusAreThoseOfTheAlertsSent() throws Exception {
    // As Alertmanager 0.25 computes them: over the alerts left after truncation.
    List<NotifiedAlert> alerts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      alerts.add(
          NotifiedAlert.newBuilder(notification(1).getAlerts().get(0))
              .setStatus(i == 2 ? AlertStatus.FIRING : AlertStatus.RESOLVED)
              .setEndsAt(i == 2 ? null : Instant.parse("2026-03-01T11:30:00Z"))
              .setLabels(Map.of("alertname", "DiskFull", "instance", "db-" + i, "job", "node"))
              .setAnnotations(Map.of("summary", "disk is full", "description", "db-" + i))
              .build());
    }
    Notification n =
        Notification.newBuilder(notification(1))
            .setAlerts(alerts)
            .setCommonLabels(Map.of("alertname", "DiskFull", "job", "node"))
            .setCommonAnnotations(Map.of("summary", "disk is full"))
            .build();

    JsonNode one = new ObjectMapper().readTree(WebhookPayload.render(n, 1));

    assertThat(one.get("status").asText()).isEqualTo("resolved");
    assertThat(one.get("groupLabels").toString()).isEqualTo("{\"alertname\":\"DiskFull\"}");
    assertThat(one.get("commonLabels").toString())
        .isEqualTo("{\"alertname\":\"DiskFull\",\"instance\":\"db-0\",\"job\":\"node\"}");
    assertThat(one.get("commonAnnotations").toString())
        .isEqualTo("{\"description\":\"db-0\",\"summary\":\"disk is full\"}");
    assertThat(one.get("truncatedAlerts").asInt()).isEqualTo(2);

    JsonNode two = new ObjectMapper().readTree(WebhookPayload.render(n, 2));
    assertThat(two.get("commonLabels").toString())
        .isEqualTo("{\"alertname\":\"DiskFull\",\"job\":\"node\"}");
    assertThat(two.get("commonAnnotations").toString()).isEqualTo("{\"summary\":\"disk is full\"}");

    JsonNode all = new ObjectMapper().readTree(WebhookPayload.render(n, 3));
    assertThat(all.get("status").asText()).isEqualTo("firing");
    assertThat(all.get("truncatedAlerts").asInt()).isZero();
  }
}
