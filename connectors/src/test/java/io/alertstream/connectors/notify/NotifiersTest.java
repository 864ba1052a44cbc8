package io.alertstream.connectors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.Integration;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.IntegrationTypes;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.connectors.webhook.WebhookNotifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifiersTest {

  @Test
  void everyTypeATenantMayConfigureHasItsNotifier() {
    assertThat(Notifiers.ALL.types())
        .containsExactlyInAnyOrderElementsOf(TenantSettings.INTEGRATION_TYPES);
    for (String type : Notifiers.ALL.types()) {
      assertThat(Notifiers.ALL.forType(type))
          .hasValueSatisfying(n -> assertThat(n.type()).isEqualTo(type));
    }
    assertThat(Notifiers.ALL.forType("no-such-type")).isEmpty();
  }

  @Test
  void eachNotifierTakesTheSettingsItsTypeReads() {
    for (IntegrationType<?> type : IntegrationTypes.ALL.all()) {
      assertThat(Notifiers.ALL.forType(type.type()).orElseThrow().settingsType())
          .as(type.type())
          .isEqualTo(type.settingsType());
    }
  }

  @Test
  void aTypeIsRegisteredOnce() {
    assertThatThrownBy(() -> new Notifiers(List.of(new WebhookNotifier(), new WebhookNotifier())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("webhook");
  }

  @Test
  void aNotifierGetsItsOwnTypesSettingsOnly() throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n"
                    + "  webhook_configs: [{url: 'http://hooks.example/a'}]\n"
                    + "  slack_configs: [{api_url: 'https://slack.example/x'}]\n");
    List<Integration> integrations = config.receiver("team-x").orElseThrow().integrations();
    Integration webhook =
        integrations.stream().filter(i -> i.type().equals("webhook")).findFirst().orElseThrow();
    Integration slack =
        integrations.stream().filter(i -> i.type().equals("slack")).findFirst().orElseThrow();
    var n = TestNotifications.diskFull("webhook");

    var prepared = Notifiers.prepare(new WebhookNotifier(), n, webhook, TenantTemplates.DEFAULTS);

    assertThat(((Outbound.HttpCall) prepared.request()).url().toString())
        .isEqualTo("http://hooks.example/a");
    assertThatThrownBy(
            () -> Notifiers.prepare(new WebhookNotifier(), n, slack, TenantTemplates.DEFAULTS))
        .isInstanceOf(Notifier.Refusal.class)
        .hasMessageContaining("is of type slack, not webhook");
  }
}
