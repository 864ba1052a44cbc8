package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static io.alertstream.topology.streams.TopologyHarness.equal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotificationReason;
import io.alertstream.schemas.NotifiedAlert;
import io.alertstream.schemas.SilenceAction;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.streams.TopologyHarness.Sent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alertmanager's acceptance scenarios (test/with_api_v2/acceptance in prometheus/alertmanager),
 * re-told on the topology with a simulated wall clock: what is sent, and when, within the same
 * windows (a flush is due at an exact time and happens on the next 50 ms tick).
 */
class AcceptanceScenariosTest {

  private static final double WINDOW = 0.1;

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

  private static String config(String route, String receivers, String extra) {
    return "route:\n  receiver: default\n"
        + route
        + "receivers:\n  - name: default\n    webhook_configs:\n"
        + receivers
        + extra;
  }

  private static final String FAST =
      "  group_by: [alertname]\n  group_wait: 1s\n  group_interval: 1s\n  repeat_interval: 1h\n";
  private static final String ONE_WEBHOOK = "      - url: http://hook/a\n";

  @Test
  void alertsArrivingWithinGroupWaitAreBatchedAndNewOnesWaitForGroupInterval() {
    am.config("t", config(FAST, ONE_WEBHOOK, ""));

    am.post("t", alert(Map.of("alertname", "Test", "instance", "b")));
    am.advanceTo(0.5);
    am.post("t", alert(Map.of("alertname", "Test", "instance", "a")));
    am.advanceTo(1.3);
    am.post("t", alert(Map.of("alertname", "Test", "instance", "c")));
    am.advanceTo(2.5);

    List<Sent> sent = am.webhooks();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).at()).isCloseTo(1.0, within(WINDOW));
    assertThat(instances(sent.get(0))).containsExactly("a", "b");
    assertThat(sent.get(0).notification().getReason()).isEqualTo(NotificationReason.FIRST);
    assertThat(sent.get(1).at()).isCloseTo(2.0, within(WINDOW));
    assertThat(instances(sent.get(1))).containsExactly("a", "b", "c");
    assertThat(sent.get(1).notification().getReason()).isEqualTo(NotificationReason.NEW_ALERTS);
  }

  @Test
  void unchangedGroupsRepeatAfterRepeatIntervalRoundedUpToATick() {
    am.config(
        "t", config(FAST.replace("repeat_interval: 1h", "repeat_interval: 3s"), ONE_WEBHOOK, ""));

    am.post("t", alert(Map.of("alertname", "Test"), 0, 100.0));
    am.advanceTo(9.5);

    List<Sent> sent = am.webhooks();
    assertThat(sent).extracting(Sent::at).hasSize(3);
    assertThat(sent.get(0).at()).isCloseTo(1.0, within(WINDOW));
    // At 4.0 the last notification is exactly 3 s old, not older: the repeat waits for the tick at
    // 5.0.
    assertThat(sent.get(1).at()).isCloseTo(5.0, within(WINDOW));
    assertThat(sent.get(2).at()).isCloseTo(9.0, within(WINDOW));
    assertThat(sent.get(1).notification().getReason()).isEqualTo(NotificationReason.REPEAT);
  }

  @Test
  void anAlertWithoutEndsAtResolvesAfterResolveTimeoutAndItsGroupGoesAway() {
    am.config(
        "t",
        config(FAST, ONE_WEBHOOK, "").replace("route:", "global:\n  resolve_timeout: 2s\nroute:"));

    am.post("t", alert(Map.of("alertname", "Test")));
    am.advanceTo(10);

    List<Sent> sent = am.webhooks();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).notification().getStatus()).isEqualTo(AlertStatus.FIRING);
    assertThat(sent.get(1).at()).isCloseTo(2.0, within(WINDOW));
    Notification resolved = sent.get(1).notification();
    assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.getReason()).isEqualTo(NotificationReason.RESOLVED);
    assertThat(resolved.getAlerts().get(0).getEndsAt()).isEqualTo(TopologyHarness.at(2));
    KeyValueStore<String, GroupState> groups = am.driver.getKeyValueStore(TenantState.GROUPS);
    try (var all = groups.all()) {
      assertThat(all.hasNext()).as("kept until the resolution is delivered").isTrue();
    }
    deliver(sent);
    try (var all = groups.all()) {
      assertThat(all.hasNext()).isFalse();
    }
  }

  @Test
  void sendResolvedFalseStripsResolvedAlertsAndSkipsAllResolvedGroups() {
    am.config(
        "t",
        config(
            FAST, ONE_WEBHOOK + "      - url: http://hook/b\n        send_resolved: false\n", ""));

    am.post("t", alert(Map.of("alertname", "Test", "instance", "a"), 0, 100.0));
    am.post("t", alert(Map.of("alertname", "Test", "instance", "b"), 0, 100.0));
    am.advanceTo(1.2);
    am.post("t", alert(Map.of("alertname", "Test", "instance", "a"), 0, 1.2));
    am.advanceTo(2.2);
    List<Sent> second = am.webhooks();
    am.post("t", alert(Map.of("alertname", "Test", "instance", "b"), 0, 2.2));
    am.advanceTo(3.2);
    List<Sent> third = am.webhooks();

    assertThat(second)
        .filteredOn(s -> s.at() > 1.5)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.notification().getIntegration().getIndex()).isZero();
              assertThat(s.notification().getReason()).isEqualTo(NotificationReason.RESOLVED);
              assertThat(statuses(s)).containsExactly(AlertStatus.RESOLVED, AlertStatus.FIRING);
            });
    // All resolved: the send_resolved integration hears it; the other gets nothing but its log is
    // updated (so it would hear of the next firing alert as new).
    assertThat(third)
        .singleElement()
        .satisfies(s -> assertThat(s.notification().getIntegration().getIndex()).isZero());
  }

  @Test
  void aFiringSourceInhibitsTargetsWithEqualLabelsUntilItResolves() {
    String inhibit =
        "inhibit_rules:\n  - source_matchers: [severity=\"critical\"]\n"
            + "    target_matchers: [severity=\"warning\"]\n    equal: [cluster]\n";
    am.config("t", config(FAST, ONE_WEBHOOK, inhibit));

    am.post(
        "t", alert(Map.of("alertname", "Down", "severity", "critical", "cluster", "eu"), 0, 100.0));
    am.post(
        "t", alert(Map.of("alertname", "Slow", "severity", "warning", "cluster", "eu"), 0, 100.0));
    am.post(
        "t", alert(Map.of("alertname", "Slow", "severity", "warning", "cluster", "us"), 0, 100.0));
    am.advanceTo(1.2);
    List<Sent> first = am.webhooks();
    am.post(
        "t", alert(Map.of("alertname", "Down", "severity", "critical", "cluster", "eu"), 0, 1.2));
    am.advanceTo(2.2);
    List<Sent> second = am.webhooks();

    assertThat(first)
        .filteredOn(s -> name(s).equals("Slow"))
        .singleElement()
        .satisfies(s -> assertThat(clusters(s)).containsExactly("us"));
    assertThat(second)
        .filteredOn(s -> name(s).equals("Slow"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.at()).isCloseTo(2.0, within(WINDOW));
              assertThat(clusters(s)).containsExactly("eu", "us");
            });
  }

  @Test
  void anAlertMatchingBothSidesOfARuleDoesNotInhibitItself() {
    String inhibit =
        "inhibit_rules:\n  - source_matchers: [team=\"a\"]\n    target_matchers: [team=\"a\"]\n";
    am.config("t", config(FAST, ONE_WEBHOOK, inhibit));

    am.post("t", alert(Map.of("alertname", "Lonely", "team", "a"), 0, 100.0));
    am.advanceTo(1.2);

    assertThat(am.webhooks()).hasSize(1);
  }

  @Test
  void aSilencedAlertIsNotSentUntilTheSilenceIsExpired() {
    am.config("t", config(FAST, ONE_WEBHOOK, ""));
    am.silence("t", "s1", SilenceAction.CREATE, 0, 100, equal("alertname", "Test"));

    am.post("t", alert(Map.of("alertname", "Test"), 0, 100.0));
    am.advanceTo(1.5);
    assertThat(am.webhooks()).isEmpty();
    am.silence("t", "s1", SilenceAction.EXPIRE, 0, 1.5, equal("alertname", "Test"));
    am.advanceTo(2.2);

    assertThat(am.webhooks())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.at()).isCloseTo(2.0, within(WINDOW));
              assertThat(s.notification().getReason()).isEqualTo(NotificationReason.FIRST);
            });
  }

  @Test
  void aPendingSilenceDoesNotMute() {
    am.config("t", config(FAST, ONE_WEBHOOK, ""));
    am.silence("t", "later", SilenceAction.CREATE, 50, 100, equal("alertname", "Test"));

    am.post("t", alert(Map.of("alertname", "Test"), 0, 100.0));
    am.advanceTo(1.2);

    assertThat(am.webhooks()).hasSize(1);
  }

  @Test
  void copiesMergeWhileTheirRangesOverlapAndAReFireIsANewAlert() {
    am.config("t", config(FAST, ONE_WEBHOOK, ""));

    am.post("t", alert(Map.of("alertname", "Test"), 0, 10.0));
    am.advanceTo(0.5);
    am.post("t", alert(Map.of("alertname", "Test"), 0, 10.0));
    am.advanceTo(1.2);
    am.post("t", alert(Map.of("alertname", "Test"), 0, 1.2));
    am.advanceTo(2.5);
    // Delivered: the group, all resolved, goes away, so the re-fired alert opens a new one.
    List<Sent> sent = new java.util.ArrayList<>(am.webhooks());
    deliver(sent);
    am.post("t", alert(Map.of("alertname", "Test"), 3, 13.0));
    am.advanceTo(4.5);

    sent.addAll(am.webhooks());
    // The log still remembers the group, so the re-fired alert is news to it.
    assertThat(sent)
        .extracting(s -> s.notification().getReason())
        .containsExactly(
            NotificationReason.FIRST, NotificationReason.RESOLVED, NotificationReason.NEW_ALERTS);
    assertThat(sent.get(1).notification().getAlerts().get(0).getEndsAt())
        .isEqualTo(TopologyHarness.at(1.2));
    NotifiedAlert refired = sent.get(2).notification().getAlerts().get(0);
    assertThat(refired.getStartsAt()).isEqualTo(TopologyHarness.at(3));
    assertThat(sent.get(2).at()).isCloseTo(3.5, within(WINDOW));
  }

  @Test
  void aReloadRestartsTimersButTheNotificationLogPreventsRepeats() {
    String v1 = config(FAST, ONE_WEBHOOK, "");
    am.config("t", v1);
    am.post("t", alert(Map.of("alertname", "Test"), 0, 100.0));
    am.advanceTo(1.5);
    assertThat(am.webhooks()).hasSize(1);

    am.config("t", v1 + "# same, reloaded\n");
    am.advanceTo(3.5);
    assertThat(am.webhooks()).isEmpty();

    am.config("t", testAlertsToOther(v1));
    am.advanceTo(3.7);

    assertThat(am.webhooks())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.notification().getReceiver()).isEqualTo("other");
              assertThat(s.at()).isCloseTo(3.55, within(WINDOW));
            });
  }

  /** {@code config} with a route sending alertname="Test" to a receiver "other". */
  private static String testAlertsToOther(String config) {
    return config.replace(
            "  group_by:",
            "  routes:\n    - matchers: ['alertname=\"Test\"']\n      receiver: other\n  group_by:")
        + "  - name: other\n    webhook_configs:\n      - url: http://hook/other\n";
  }

  @Test
  void aReloadPutsAGroupsStoredAlertsBackTogether() {
    String v1 = config(FAST, ONE_WEBHOOK, "");
    am.config("t", v1);
    am.post("t", alert(Map.of("alertname", "Test", "instance", "a"), 0, 100.0));
    am.post("t", alert(Map.of("alertname", "Test", "instance", "b"), 0, 100.0));
    am.advanceTo(3);
    am.post("t", alert(Map.of("alertname", "Other"), 3, 100.0));
    am.webhooks();

    am.config("t", testAlertsToOther(v1));
    am.advanceTo(3.5);

    assertThat(am.webhooks())
        .filteredOn(s -> s.notification().getReceiver().equals("other"))
        .singleElement()
        .satisfies(s -> assertThat(instances(s)).containsExactly("a", "b"));
  }

  @Test
  void anAlertThatStartedLongAgoIsSentWithoutWaitingForGroupWait() {
    am.config("t", config(FAST.replace("group_wait: 1s", "group_wait: 30s"), ONE_WEBHOOK, ""));

    am.post("t", alert(Map.of("alertname", "Old"), -3600, null));
    am.advanceTo(0.2);

    assertThat(am.webhooks())
        .singleElement()
        .satisfies(s -> assertThat(s.at()).isLessThanOrEqualTo(WINDOW));
  }

  @Test
  void aLaggingTopologyFlushesAGroupWithEveryAlertReceivedBeforeItWasDue() {
    am.config("t", config(FAST, ONE_WEBHOOK, ""));
    am.advanceTo(10);

    // Read ten seconds late, a few ticks apart, as a lagging topology reads a storm: "a" and "b"
    // were received before their group was due (group_wait 1 s after "a"), "c" after.
    am.post("t", received(alert(Map.of("alertname", "Test", "instance", "a")), 0));
    am.advanceTo(10.025);
    am.post("t", received(alert(Map.of("alertname", "Other", "instance", "x")), 0.4));
    am.advanceTo(10.05);
    am.post("t", received(alert(Map.of("alertname", "Test", "instance", "b")), 0.9));
    am.advanceTo(10.075);
    am.post("t", received(alert(Map.of("alertname", "Test", "instance", "c")), 1.2));
    am.advanceTo(11);

    List<Sent> test =
        am.webhooks().stream()
            .filter(s -> s.notification().getGroupKey().contains("Test"))
            .toList();
    assertThat(test)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(instances(s)).containsExactly("a", "b");
              assertThat(s.at()).isCloseTo(10.075, within(WINDOW));
            });
  }

  private static AlertEvent received(AlertEvent alert, double seconds) {
    alert.setReceivedAt(TopologyHarness.at(seconds));
    return alert;
  }

  @Test
  void muteTimeIntervalsMuteAndHonourTheirTimeZone() {
    // T0 is Sunday 2026-03-01 12:00 UTC, 21:00 in Tokyo.
    String intervals =
        "time_intervals:\n"
            + "  - name: tokyo-evening\n    time_intervals:\n"
            + "      - times: [{start_time: '20:00', end_time: '22:00'}]\n        location: Asia/Tokyo\n"
            + "  - name: utc-evening\n    time_intervals:\n"
            + "      - times: [{start_time: '20:00', end_time: '22:00'}]\n";
    String routes =
        FAST
            + "  routes:\n"
            + "    - matchers: [zone=\"tokyo\"]\n      mute_time_intervals: [tokyo-evening]\n"
            + "    - matchers: [zone=\"utc\"]\n      mute_time_intervals: [utc-evening]\n"
            + "    - matchers: [zone=\"active\"]\n      active_time_intervals: [utc-evening]\n";
    am.config("t", config(routes, ONE_WEBHOOK, intervals));

    am.post("t", alert(Map.of("alertname", "A", "zone", "tokyo"), 0, 100.0));
    am.post("t", alert(Map.of("alertname", "B", "zone", "utc"), 0, 100.0));
    am.post("t", alert(Map.of("alertname", "C", "zone", "active"), 0, 100.0));
    am.advanceTo(1.2);

    assertThat(am.webhooks()).extracting(AcceptanceScenariosTest::name).containsExactly("B");
  }

  private static List<String> instances(Sent s) {
    return s.notification().getAlerts().stream().map(a -> a.getLabels().get("instance")).toList();
  }

  private static List<String> clusters(Sent s) {
    return s.notification().getAlerts().stream().map(a -> a.getLabels().get("cluster")).toList();
  }

  private static List<AlertStatus> statuses(Sent s) {
    return s.notification().getAlerts().stream().map(NotifiedAlert::getStatus).toList();
  }

  private static String name(Sent s) {
    return s.notification().getAlerts().get(0).getLabels().get("alertname");
  }

  private void deliver(List<Sent> sent) {
    for (Sent s : sent) {
      am.outcome(s.notification(), io.alertstream.schemas.DeliveryResult.DELIVERED, "", 1);
    }
  }
}
