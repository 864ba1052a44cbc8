package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotificationReason;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alertmanager's notification log with an asynchronous delivery: an entry is pending until the
 * connector's outcome arrives; delivered confirms it, dead-lettered withdraws it so that the
 * group's next flush notifies again.
 */
class NotificationLogOutcomesTest {

  private static final String CONFIG =
      """
      route:
        receiver: team
        group_by: [alertname]
        group_wait: 1s
        group_interval: 5s
        repeat_interval: 1h
      receivers:
        - name: team
          webhook_configs:
            - url: http://hooks.example.com/a
            - url: http://hooks.example.com/b
      """;
  private static final Map<String, String> DISK = Map.of("alertname", "DiskFull");

  @TempDir Path stateDir;
  private TopologyHarness am;

  @BeforeEach
  void start() {
    am = new TopologyHarness(stateDir);
    am.config("t", CONFIG);
  }

  @AfterEach
  void stop() {
    am.close();
  }

  @Test
  void aDeadLetteredNotificationIsSentAgainAtTheNextGroupInterval() {
    am.post("t", alert(DISK));
    am.advanceTo(1.1);
    List<TopologyHarness.Sent> first = am.webhooks();
    assertThat(first).hasSize(2);

    am.outcome(first.get(0).notification(), DeliveryResult.DEAD_LETTERED, "status 400", 1);
    am.outcome(first.get(1).notification(), DeliveryResult.DELIVERED, "", 1);
    am.advanceTo(5.9);
    assertThat(am.webhooks()).isEmpty();
    am.advanceTo(6.1);

    // Only the integration whose notification was given up hears again, at group_interval.
    assertThat(am.webhooks())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.at()).isBetween(6.0, 6.1);
              Notification again = s.notification();
              assertThat(again.getIntegration().getId())
                  .isEqualTo(first.get(0).notification().getIntegration().getId());
              assertThat(again.getReason()).isEqualTo(NotificationReason.FIRST);
              assertThat(again.getId())
                  .as("made again after a dead letter: another idempotency key")
                  .isNotEqualTo(first.get(0).notification().getId());
            });
  }

  @Test
  void anEntryIsWrittenWithItsNotificationAndTheConfirmationWaitsForItsNextChange() {
    TestOutputTopic<String, String> changelog = logChangelog();
    am.post("t", alert(DISK));
    am.advanceTo(1.1);
    List<TopologyHarness.Sent> first = am.webhooks();
    assertThat(first).hasSize(2);
    assertThat(changelog.readValuesToList())
        .as("one pending entry per integration")
        .hasSize(2)
        .allSatisfy(v -> assertThat(v).contains("\"inFlight\""));

    // Both outcomes in one record, as a sink task gathers them.
    am.outcomes(DeliveryResult.DELIVERED, first.get(0).notification(), first.get(1).notification());
    assertThat(changelog.readValuesToList()).as("the confirmations wait in memory").isEmpty();

    am.post("t", alert(Map.of("alertname", "DiskFull", "disk", "sdb")));
    am.advanceTo(6.1);
    assertThat(am.webhooks()).hasSize(2);
    assertThat(changelog.readValuesToList())
        .as("the next notification's entries, which carry the confirmations")
        .hasSize(2);
  }

  @Test
  void aWithdrawalIsWrittenAtOnce() {
    TestOutputTopic<String, String> changelog = logChangelog();
    am.post("t", alert(DISK));
    am.advanceTo(1.1);
    List<TopologyHarness.Sent> first = am.webhooks();
    changelog.readValuesToList();
    am.outcome(first.get(0).notification(), DeliveryResult.DEAD_LETTERED, "status 400", 1);
    assertThat(changelog.readKeyValuesToList())
        .as("the entry of a first notification given up goes")
        .singleElement()
        .satisfies(kv -> assertThat(kv.value).isNull());
  }

  private TestOutputTopic<String, String> logChangelog() {
    return am.driver.createOutputTopic(
        StreamsSettings.APPLICATION_ID
            + "-"
            + AlertstreamTopology.NOTIFICATION_LOG_STORE
            + "-changelog",
        new StringDeserializer(),
        new StringDeserializer());
  }

  @Test
  void aDeliveredNotificationIsNotRepeatedBeforeRepeatInterval() {
    am.post("t", alert(DISK));
    am.advanceTo(1.1);
    for (TopologyHarness.Sent s : am.webhooks()) {
      am.outcome(s.notification(), DeliveryResult.DELIVERED, "", 1);
    }
    am.post("t", alert(DISK));
    am.advanceTo(30);

    assertThat(am.webhooks()).isEmpty();
  }

  @Test
  void aPendingNotificationIsNotSentTwiceWhileItsOutcomeIsAwaited() {
    am.post("t", alert(DISK));
    am.advanceTo(1.1);
    List<TopologyHarness.Sent> first = am.webhooks();
    am.advanceTo(30);
    assertThat(am.webhooks()).isEmpty();

    // The outcome arriving late still counts: withdrawn, the next flush notifies.
    am.outcome(first.get(0).notification(), DeliveryResult.DEAD_LETTERED, "gave up", 3);
    am.advanceTo(36.1);
    assertThat(am.webhooks()).hasSize(1);
  }

  @Test
  void anOutcomeForASupersededNotificationChangesNothing() {
    am.post("t", alert(DISK));
    am.advanceTo(1.1);
    Notification older = am.webhooks().get(0).notification();
    am.post("t", alert(Map.of("alertname", "DiskFull", "instance", "b")));
    am.advanceTo(6.1);
    assertThat(am.webhooks()).hasSize(2); // the new alert, to both integrations

    am.outcome(older, DeliveryResult.DEAD_LETTERED, "gave up", 3);
    am.advanceTo(20);

    assertThat(am.webhooks()).isEmpty();
  }

  @Test
  void aGivenUpResolvedNotificationIsSentAgainAtTheNextFlush() {
    am.post("t", alert(DISK, 0, null));
    am.advanceTo(1.1);
    for (TopologyHarness.Sent s : am.webhooks()) {
      am.outcome(s.notification(), DeliveryResult.DELIVERED, "", 1);
    }
    am.post("t", alert(DISK, 0, 2.0));
    am.advanceTo(6.1);
    List<TopologyHarness.Sent> resolved = am.webhooks();
    assertThat(resolved)
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.notification().getStatus()).isEqualTo(AlertStatus.RESOLVED));
    am.outcome(resolved.get(0).notification(), DeliveryResult.DELIVERED, "", 1);
    am.outcome(resolved.get(1).notification(), DeliveryResult.DEAD_LETTERED, "status 400", 1);
    am.advanceTo(11.2);

    assertThat(am.webhooks())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.notification().getStatus()).isEqualTo(AlertStatus.RESOLVED);
              assertThat(s.notification().getReason()).isEqualTo(NotificationReason.RESOLVED);
              assertThat(s.notification().getIntegration().getIndex()).isEqualTo(1);
            });
    am.advanceTo(30);
    assertThat(am.webhooks()).isEmpty();
  }

  @Test
  void aResolvedAlertStaysInItsGroupUntilItsNotificationIsConfirmed() {
    Map<String, String> a = Map.of("alertname", "DiskFull", "instance", "a");
    Map<String, String> b = Map.of("alertname", "DiskFull", "instance", "b");
    am.post("t", alert(a));
    am.post("t", alert(b));
    am.advanceTo(1.1);
    deliverAll(am.webhooks());
    am.post("t", alert(b, 0, 2.0));
    am.advanceTo(6.1);
    List<TopologyHarness.Sent> resolvedB = am.webhooks();
    assertThat(resolvedB).hasSize(2);
    am.outcome(resolvedB.get(1).notification(), DeliveryResult.DELIVERED, "", 1);

    // A new alert while the first integration's notification of b's resolution is on its way.
    am.post("t", alert(Map.of("alertname", "DiskFull", "instance", "c")));
    am.advanceTo(11.1);
    List<TopologyHarness.Sent> newAlert = am.webhooks();
    assertThat(newAlert).hasSize(2);
    // b is still in the group: the new notification tells its resolution again, to both.
    assertThat(newAlert)
        .allSatisfy(
            s ->
                assertThat(s.notification().getAlerts())
                    .anySatisfy(
                        n -> {
                          assertThat(n.getLabels()).containsEntry("instance", "b");
                          assertThat(n.getStatus()).isEqualTo(AlertStatus.RESOLVED);
                        }));

    // The superseded notification is given up, the later one delivered: nothing to repeat.
    am.outcome(resolvedB.get(0).notification(), DeliveryResult.DEAD_LETTERED, "status 400", 1);
    deliverAll(newAlert);
    am.advanceTo(30);
    assertThat(am.webhooks()).isEmpty();
  }

  @Test
  void aDeliveredNotificationIsNotRepeatedWhenALaterOneIsGivenUp() {
    am.post("t", alert(DISK));
    am.advanceTo(1.1);
    Notification first = am.webhooks().get(0).notification();
    am.post("t", alert(Map.of("alertname", "DiskFull", "instance", "b")));
    am.advanceTo(6.1);
    Notification second = am.webhooks().get(0).notification();

    am.outcome(first, DeliveryResult.DELIVERED, "", 1);
    am.outcome(second, DeliveryResult.DEAD_LETTERED, "status 400", 1);
    am.advanceTo(11.1);

    // Sent again: the receiver knows the first alert, not the second.
    assertThat(am.webhooks())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.notification().getReason()).isEqualTo(NotificationReason.NEW_ALERTS);
              assertThat(s.notification().getAlerts()).hasSize(2);
            });
  }

  @Test
  void aTombstoneOnTheOutcomesTopicIsIgnored() {
    am.post("t", alert(DISK));
    am.advanceTo(1.1);
    assertThat(am.webhooks()).hasSize(2);

    am.rawOutcome("t", null);
    am.advanceTo(6.1);

    assertThat(am.history("t"))
        .hasSize(2)
        .allSatisfy(n -> assertThat(n.outcome()).isEqualTo("pending"));
  }

  private void deliverAll(List<TopologyHarness.Sent> sent) {
    for (TopologyHarness.Sent s : sent) {
      am.outcome(s.notification(), DeliveryResult.DELIVERED, "", 1);
    }
  }
}
