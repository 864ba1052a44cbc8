package io.alertstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.PagerdutyConfig;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.pagerduty.PagerdutyNotifier;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DryRunRecorderTest {

  @Test
  void theRecordMasksTheUrlPathTheAuthorizationAndSecretsInTheBody() throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  pagerduty_configs:\n"
                    + "  - routing_key: rk-s3cret\n    url: 'https://events.example/v2/enqueue?token=t0ken'\n"
                    + "    http_config: {bearer_token: b3arer}\n");
    Notification n =
        TestNotifications.of(
            "pagerduty",
            Map.of("alertname", "DiskFull"),
            Map.of("alertname", "DiskFull"),
            List.of(TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), true)));
    var request =
        new PagerdutyNotifier()
            .prepare(
                n,
                TestNotifications.settings(config, "pagerduty", PagerdutyConfig.class),
                TenantTemplates.DEFAULTS)
            .request();

    String recorded = DryRunRecorder.describe(n, request, Instant.EPOCH);

    assertThat(recorded)
        .doesNotContain("rk-s3cret")
        .doesNotContain("t0ken")
        .doesNotContain("b3arer");
    JsonNode doc = new ObjectMapper().readTree(recorded);
    assertThat(doc.path("request").path("target").asText())
        .isEqualTo("https://events.example/<secret>");
    assertThat(doc.path("request").path("headers").path("Authorization").asText())
        .isEqualTo("<secret>");
    JsonNode body = new ObjectMapper().readTree(doc.path("request").path("body").asText());
    assertThat(body.path("routing_key").asText()).isEqualTo("<secret>");
    assertThat(body.path("event_action").asText()).isEqualTo("trigger");
  }

  @Test
  void aTenantInDryRunIsRecordedOthersAreSent() {
    TenantSettings everything = new TenantSettings(true, Set.of());
    TenantSettings slackOnly = new TenantSettings(false, Set.of("slack"));

    assertThat(DryRunRecorder.reason(false, TenantSettings.DEFAULT, "slack")).isEmpty();
    assertThat(DryRunRecorder.reason(false, everything, "webhook"))
        .hasValue("dry run: the tenant's alertstream.dry_run setting");
    assertThat(DryRunRecorder.reason(false, slackOnly, "slack"))
        .hasValue("dry run: the tenant's alertstream.dry_run setting for slack");
    assertThat(DryRunRecorder.reason(false, slackOnly, "webhook")).isEmpty();
  }

  @Test
  void theConnectorsOwnDryRunRecordsEveryTenant() {
    assertThat(DryRunRecorder.reason(true, TenantSettings.DEFAULT, "email"))
        .hasValue("dry run: the email connector's dry.run setting");
    assertThat(DryRunRecorder.reason(true, new TenantSettings(false, Set.of("slack")), "email"))
        .isPresent();
  }
}
