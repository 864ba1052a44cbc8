package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.routing.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example tenants the launcher loads are valid and route as their comments say. */
class ExampleTenantsTest {

  private static AlertmanagerConfig tenant(String name) throws Exception {
    return new ConfigParser().parse(Files.readString(Path.of("tenants", name + ".yml")));
  }

  @Test
  void stageGoesToTheInboxAndSlack() throws Exception {
    var receiver = tenant("stage").receiver("stage-alerts").orElseThrow();

    assertThat(receiver.webhookConfigs()).hasSize(1);
    assertThat(receiver.slackConfigs().get(0).fields()).containsEntry("channel", "#stage-alerts");
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
    assertThat(team.slackConfigs().get(0).fields()).containsEntry("channel", "#prod-alerts");
    assertThat(team.emailConfigs().get(0).to()).isEqualTo("oncall@example.org");
  }
}
