package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.EmailConfig;
import io.alertstream.config.receivers.SlackConfig;
import io.alertstream.config.receivers.WebhookConfig;
import io.alertstream.config.routing.Route;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.schemas.TenantConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The example tenants the launcher loads are valid and route as their comments say. */
class ExampleTenantsTest {

  private static AlertmanagerConfig tenant(String name) throws Exception {
    return new ConfigParser().parse(Files.readString(Path.of("tenants", name + ".yml")));
  }

  @Test
  void stageGoesToTheInboxAndSlack() throws Exception {
    var receiver = tenant("stage").receiver("stage-alerts").orElseThrow();

    assertThat(receiver.configs(WebhookConfig.class)).hasSize(1);
    assertThat(receiver.configs(SlackConfig.class).get(0).fields())
        .containsEntry("channel", "#stage-alerts");
  }

  @Test
  void prodPagesForCriticalAlertsAndAlsoTellsTheTeam() throws Exception {
    AlertmanagerConfig prod = tenant("prod");

    assertThat(
            prod.route().match(Map.of("alertname", "Down", "severity", "critical")).stream()
                .map(Route::receiver))
        .containsExactly("prod-pagerduty", "prod-team");
    assertThat(prod.route().match(Map.of("alertname", "Slow")).stream().map(Route::receiver))
        .containsExactly("prod-team");
    var team = prod.receiver("prod-team").orElseThrow();
    assertThat(team.configs(SlackConfig.class).get(0).fields())
        .containsEntry("channel", "#prod-alerts");
    assertThat(team.configs(EmailConfig.class).get(0).to()).isEqualTo("oncall@example.org");
  }

  @Test
  void theirPlaceholderIntegrationsAreInDryRunAndTheInboxWebhookIsNot() throws Exception {
    TenantSettings stage = TenantSeeder.settings(Path.of("tenants", "stage.alertstream.yml"));
    TenantSettings prod = TenantSeeder.settings(Path.of("tenants", "prod.alertstream.yml"));

    assertThat(stage.dryRunTypes()).containsExactly("slack");
    assertThat(prod.dryRunTypes()).containsExactly("email", "pagerduty", "slack");
    assertThat(TenantSeeder.settings(Path.of("tenants", "nobody.alertstream.yml")))
        .isEqualTo(TenantSettings.DEFAULT);
  }

  @Test
  void theSeederLoadsEachTenantWithItsSettingsAndNoSettingsFileAsATenant() throws Exception {
    var producer =
        new MockProducer<String, TenantConfig>(
            true, null, new StringSerializer(), (t, v) -> new byte[0]);

    var tenants =
        new TenantSeeder(producer, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
            .seed(Path.of("tenants"));

    assertThat(tenants).containsExactly("every-receiver", "prod", "stage");
    Map<String, TenantConfig> sent = new java.util.HashMap<>();
    producer.history().forEach(r -> sent.put(r.key(), r.value()));
    assertThat(sent.get("stage").getDryRun()).isFalse();
    assertThat(sent.get("stage").getDryRunIntegrations()).containsExactly("slack");
    assertThat(sent.get("prod").getDryRunIntegrations())
        .containsExactlyInAnyOrder("email", "pagerduty", "slack");
    assertThat(sent.get("stage").getAlertmanagerConfig()).doesNotContain("dry_run");
  }

  @Test
  void everyReceiverHasEveryTypeAndOnlyTheInboxWebhookIsDelivered() throws Exception {
    var receiver = tenant("every-receiver").receiver("everyone").orElseThrow();
    TenantSettings settings =
        TenantSeeder.settings(Path.of("tenants", "every-receiver.alertstream.yml"));

    assertThat(receiver.integrations())
        .extracting(io.alertstream.config.receivers.Integration::type)
        .containsExactlyElementsOf(io.alertstream.config.receivers.IntegrationTypes.ALL.names());
    for (String type : io.alertstream.config.receivers.IntegrationTypes.ALL.names()) {
      assertThat(settings.dryRun(type)).as(type).isEqualTo(!type.equals("webhook"));
    }
  }
}
