package io.alertstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.connectors.notify.Notifiers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class NotificationSinkConfigTest {

  private static NotificationSinkConfig config(Map<String, String> settings) {
    Map<String, String> props = new HashMap<>();
    props.put(NotificationSinkConfig.SCHEMA_REGISTRY_URL, "http://registry:8081");
    props.put(NotificationSinkConfig.CONFIGS_BOOTSTRAP_SERVERS, "kafka:9092");
    props.putAll(settings);
    return new NotificationSinkConfig(props);
  }

  @Test
  void aTypesOwnSettingReplacesTheConnectorsForThatTypeOnly() {
    var config =
        config(
            Map.of(
                NotificationSinkConfig.RATE_LIMIT,
                "5",
                "integration.slack.notification.rate.limit",
                "1",
                "integration.email.delivery.request.timeout.ms",
                "30000",
                "integration.email.dry.run",
                "true"));

    config.checkTypeSettings(Notifiers.ALL.types());

    assertThat(config.forType("slack").getDouble(NotificationSinkConfig.RATE_LIMIT)).isEqualTo(1.0);
    assertThat(config.forType("webhook").getDouble(NotificationSinkConfig.RATE_LIMIT))
        .isEqualTo(5.0);
    assertThat(config.forType("email").requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.forType("email").getBoolean(NotificationSinkConfig.DRY_RUN)).isTrue();
    assertThat(config.forType("pagerduty").requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.forType("pagerduty").getBoolean(NotificationSinkConfig.DRY_RUN)).isFalse();
  }

  @Test
  void anUnknownTypeIsRefused() {
    var config = config(Map.of("integration.sms.dry.run", "true"));

    assertThatThrownBy(() -> config.checkTypeSettings(Notifiers.ALL.types()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("integration.sms.dry.run")
        .hasMessageContaining("unknown integration type sms");
  }

  @Test
  void aSettingOfTheWholeTaskCannotBeSetPerType() {
    var config = config(Map.of("integration.slack.delivery.max.pending", "5"));

    assertThatThrownBy(() -> config.checkTypeSettings(Notifiers.ALL.types()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("integration.slack.delivery.max.pending");
  }

  @Test
  void aBadValueForATypeIsRefused() {
    var config = config(Map.of("integration.webhook.delivery.threads", "0"));

    assertThatThrownBy(() -> config.checkTypeSettings(Notifiers.ALL.types()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("delivery.threads");
  }

  @Test
  void theConnectorRefusesABadTypeSettingAndRunsTheOneTaskClass() {
    NotificationSinkConnector connector = new NotificationSinkConnector();
    assertThat(connector.taskClass()).isEqualTo(NotificationSinkTask.class);

    Map<String, String> props = new HashMap<>();
    props.put(NotificationSinkConfig.SCHEMA_REGISTRY_URL, "http://registry:8081");
    props.put(NotificationSinkConfig.CONFIGS_BOOTSTRAP_SERVERS, "kafka:9092");
    props.put("integration.sms.dry.run", "true");
    assertThatThrownBy(() -> connector.start(props)).isInstanceOf(ConfigException.class);

    props.remove("integration.sms.dry.run");
    connector.start(props);
    assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(c -> assertThat(c).isEqualTo(props));
  }
}
