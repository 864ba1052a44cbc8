package io.alertstream.topology.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImmediateDispatchTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final ImmediateDispatch dispatch = new ImmediateDispatch("http://am");
  private final AlertEvent alert = AlertEvent.newBuilder().setLabels(Map.of("a", "b")).build();

  @Test
  void theSameInputRecordYieldsTheSameNotificationIds() throws Exception {
    AlertmanagerConfig config = config("");

    assertThat(ids(dispatch.dispatch("t", 1, config, alert, NOW, "alerts-0@7")))
        .isEqualTo(ids(dispatch.dispatch("t", 1, config, alert, NOW.plusSeconds(5), "alerts-0@7")))
        .doesNotContainAnyElementsOf(
            ids(dispatch.dispatch("t", 1, config, alert, NOW, "alerts-0@8")));
  }

  @Test
  void anAlertWithoutEndsAtFiresForTheResolveTimeout() throws Exception {
    AlertmanagerConfig config = config("global: {resolve_timeout: 1m}\n");
    assertThat(config.resolveTimeout()).isEqualTo(Duration.ofMinutes(1));

    Notification n = dispatch.dispatch("t", 1, config, alert, NOW, "s").get(0);

    assertThat(n.getStatus()).isEqualTo(AlertStatus.FIRING);
    assertThat(n.getAlerts().get(0).getEndsAt()).isNull();
  }

  @Test
  void anAlertWhoseEndsAtHasPassedIsResolved() throws Exception {
    AlertEvent ended =
        AlertEvent.newBuilder(alert).setEndsAt(NOW).setStartsAt(NOW.minusSeconds(600)).build();

    Notification n = dispatch.dispatch("t", 1, config(""), ended, NOW, "s").get(0);

    assertThat(n.getStatus()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(n.getAlerts().get(0).getStartsAt()).isEqualTo(NOW.minusSeconds(600));
  }

  private static AlertmanagerConfig config(String global) throws Exception {
    return new ConfigParser()
        .parse(
            global
                + "route: {receiver: r}\nreceivers: [{name: r, webhook_configs: [{url: 'http://h/x'}]}]\n");
  }

  private static List<String> ids(List<Notification> notifications) {
    return notifications.stream().map(Notification::getId).toList();
  }
}
