package io.alertstream.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.WebhookConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.TenantTemplates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A templated URL and a custom payload, as Alertmanager 0.31+ renders them. */
class WebhookNotifierTest {

  private static Outbound.HttpCall prepare(String entry) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  webhook_configs:\n  - "
                    + entry
                    + "\n");
    var n =
        TestNotifications.of(
            "webhook",
            Map.of("team", "db"),
            Map.of("team", "db", "alertname", "DiskFull"),
            List.of(
                TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), true),
                TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), true)));
    return (Outbound.HttpCall)
        new WebhookNotifier()
            .prepare(
                n,
                TestNotifications.settings(config, "webhook", WebhookConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  @Test
  void aTemplatedUrlIsRenderedPerNotificationAndIsASecretOfTheCall() throws Exception {
    var call = prepare("{url: 'https://hooks.example/{{ .GroupLabels.team }}?token=t0k'}");

    assertThat(call.url().toString()).isEqualTo("https://hooks.example/db?token=t0k");
    assertThat(call.secrets()).extracting(s -> s.value()).contains(call.url().toString());
  }

  @Test
  void aTemplatedUrlThatRendersToNothingOrNoHttpUrlIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> prepare("{url: '{{ .GroupLabels.nothing }}'}"))
        .isInstanceOf(Notifier.Refusal.class)
        .hasMessage("webhook URL is empty after templating");
    assertThatThrownBy(() -> prepare("{url: 'file:///{{ .GroupLabels.team }}/s3cret'}"))
        .isInstanceOf(Notifier.Refusal.class)
        .hasMessageNotContaining("s3cret")
        .hasMessageContaining("not an http(s) URL");
  }

  @Test
  void aPayloadIsRenderedAndItsYamlLookingValuesBecomeValues() throws Exception {
    var call =
        prepare(
            "{url: 'https://hooks.example/x', payload: {text: '{{ .Status }} {{"
                + " .CommonLabels.alertname }}', count: '{{ len .Alerts }}', '{{ .GroupLabels.team"
                + " }}': [a, 'true'], nested: {list: '[1, 2]'}}}");

    JsonNode body = new ObjectMapper().readTree(call.body());
    assertThat(body.path("text").asText()).isEqualTo("firing DiskFull");
    assertThat(body.path("count").isInt()).isTrue();
    assertThat(body.path("count").asInt()).isEqualTo(2);
    assertThat(body.path("db").get(0).asText()).isEqualTo("a");
    assertThat(body.path("db").get(1).isBoolean()).isTrue();
    assertThat(body.path("nested").path("list").isArray()).isTrue();
    assertThat(body.has("version")).isFalse();
    assertThat(call.headers()).containsKey(WebhookNotifier.IDEMPOTENCY_KEY);
  }
}
