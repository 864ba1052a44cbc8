package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static io.alertstream.topology.streams.TopologyHarness.equal;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.NotificationReason;
import io.alertstream.schemas.SilenceAction;
import io.alertstream.topology.streams.TopologyHarness.Sent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alertstream's {@code resolved_after_silence}: a receiver that was told an alert fired is told it
 * resolved, although a silence muted it in between. Without the setting, Alertmanager's behaviour:
 * nothing.
 */
class ResolvedAfterSilenceTest {

  private static final Map<String, String> DISK = Map.of("alertname", "DiskFull", "host", "a");

  @TempDir Path stateDir;
  private TopologyHarness am;

  @BeforeEach
  void start() {
    am = new TopologyHarness(stateDir);
  }

  @AfterEach
  void stop() {
    am.close();
  }

  private static String config(String sendResolved) {
    return "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 1s\n"
        + "  group_interval: 1s\n  repeat_interval: 1h\n"
        + "receivers:\n  - name: team\n    webhook_configs:\n      - url: http://hook/a\n"
        + "        send_resolved: "
        + sendResolved
        + "\n";
  }

  /** Fires, is notified and delivered, is silenced at 3 s and resolves at 6 s. */
  private List<Sent> fireSilenceResolve() {
    am.post("t", alert(DISK, 0, 3600.0));
    am.advanceTo(1.5);
    List<Sent> first = am.webhooks();
    assertThat(first).hasSize(1);
    first.forEach(s -> am.outcome(s.notification(), DeliveryResult.DELIVERED, "", 1));
    am.silence("t", "s1", SilenceAction.CREATE, 3, 3600, equal("alertname", "DiskFull"));
    am.advanceTo(6);
    assertThat(am.webhooks()).isEmpty();
    am.post("t", alert(DISK, 0, 6.0));
    am.advanceTo(9);
    return am.webhooks();
  }

  @Test
  void anOptedInReceiverIsToldTheSilencedAlertResolved() throws Exception {
    am.config("t", config("true"), List.of("team"));

    List<Sent> after = fireSilenceResolve();

    assertThat(after)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.notification().getStatus()).isEqualTo(AlertStatus.RESOLVED);
              assertThat(s.notification().getReason()).isEqualTo(NotificationReason.RESOLVED);
              assertThat(s.notification().getAlerts())
                  .singleElement()
                  .satisfies(a -> assertThat(a.getLabels()).isEqualTo(DISK));
            });
    after.forEach(s -> am.outcome(s.notification(), DeliveryResult.DELIVERED, "", 1));
    am.advanceTo(15);
    assertThat(am.webhooks()).as("said once").isEmpty();
    assertThat(am.explain("t", DISK, config("true")).timeline())
        .anySatisfy(step -> assertThat(step.text()).contains("silenced by silence s1"))
        .anySatisfy(step -> assertThat(step.text()).contains("via webhook (resolved, resolved)"));
  }

  @Test
  void withoutTheSettingNothingIsSentAsInAlertmanager() {
    am.config("t", config("true"));

    assertThat(fireSilenceResolve()).isEmpty();
  }

  @Test
  void anIntegrationWithoutSendResolvedIsNotToldEither() {
    am.config("t", config("false"), List.of("team"));

    assertThat(fireSilenceResolve()).isEmpty();
  }

  @Test
  void anAlertSilencedBeforeItWasEverNotifiedStaysUnheardOf() throws Exception {
    am.config("t", config("true"), List.of("team"));
    am.silence("t", "s1", SilenceAction.CREATE, 0, 3600, equal("alertname", "DiskFull"));
    am.post("t", alert(DISK, 0, 3600.0));
    am.advanceTo(3);
    am.post("t", alert(DISK, 0, 3.0));
    am.advanceTo(8);

    assertThat(am.webhooks()).isEmpty();
    assertThat(am.explain("t", DISK, config("true")).timeline())
        .noneSatisfy(step -> assertThat(step.kind()).isEqualTo("notified"));
  }
}
