package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static io.alertstream.topology.streams.TopologyHarness.equal;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.SilenceAction;
import io.alertstream.topology.alerts.Fingerprint;
import io.alertstream.topology.explain.Decision;
import io.alertstream.topology.explain.Explanation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explanation names the cause for each reason an alert did or did not notify. */
class ExplainTest {

  private static final Map<String, String> DISK =
      Map.of("alertname", "DiskFull", "severity", "warning");
  private static final String ROUTE =
      "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 1s\n  group_interval: 2s\n"
          + "  repeat_interval: 1h\n";
  private static final String TEAM =
      "receivers:\n  - name: team\n    webhook_configs: [{url: 'http://hook/a'}]\n";

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

  private static List<String> texts(Explanation e) {
    return e.timeline().stream().map(s -> s.kind() + ": " + s.text()).toList();
  }

  @Test
  void aNotificationMakesNoDecisionRecordAndExplainFindsItInTheHistory() throws Exception {
    String config = ROUTE + TEAM;
    am.config("t", config);
    Map<String, String> other = Map.of("alertname", "DiskFull", "device", "sdb");
    am.post("t", alert(DISK));
    am.post("t", alert(other));
    am.advanceTo(1.1);

    var sent = am.webhooks();
    assertThat(sent).hasSize(1);
    assertThat(am.decisions.readValuesToList())
        .as("the notification on its topic is the record of it")
        .isEmpty();
    assertThat(Decision.notified(sent.get(0).notification()))
        .as("what the alert history reads from the notification topic")
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Decision.NOTIFIED);
              assertThat(d.text()).startsWith("notified team via webhook (first");
              assertThat(d.alerts())
                  .containsExactlyInAnyOrder(Fingerprint.of(DISK), Fingerprint.of(other));
              assertThat(d.perAlert()).extracting(Decision::fingerprint).hasSize(2);
            });
    assertThat(am.explain("t", DISK, config).timeline())
        .as("explain finds the notification in the history store, once")
        .filteredOn(s -> s.kind().equals(Decision.NOTIFIED))
        .singleElement()
        .satisfies(s -> assertThat(s.text()).startsWith("notified team via webhook (first"));
  }

  @Test
  void pendingThenNotifiedThenDeliveredThenDeduplicated() throws Exception {
    String config = ROUTE + TEAM;
    am.config("t", config);
    am.post("t", alert(DISK));
    am.advanceTo(0.5);

    Explanation pending = am.explain("t", DISK, config);
    assertThat(pending.now())
        .anyMatch(s -> s.contains("not notified yet; the group's next flush is at"));
    assertThat(pending.now()).contains("routed to receiver team");
    assertThat(texts(pending)).as("joining a group is not a recorded decision").isEmpty();

    am.advanceTo(1.1);
    Notification sent = am.webhooks().get(0).notification();
    am.outcome(sent, DeliveryResult.DELIVERED, "", 2);
    am.advanceTo(3.2);

    List<String> steps = texts(am.explain("t", DISK, config));
    assertThat(steps)
        .anyMatch(s -> s.startsWith("notified: notified team via webhook (first, firing)"));
    assertThat(steps)
        .anyMatch(s -> s.equals("delivery-delivered: delivered via webhook after 2 attempts"));
    assertThat(steps)
        .anyMatch(
            s ->
                s.startsWith(
                        "deduplicated: not sent again to team via webhook: already notified at")
                    && s.contains("it repeats at"));
  }

  @Test
  void aFailedDeliveryIsNamedWithItsReason() throws Exception {
    String config = ROUTE + TEAM;
    am.config("t", config);
    am.post("t", alert(DISK));
    am.advanceTo(1.1);
    Notification sent = am.webhooks().get(0).notification();
    am.outcome(sent, DeliveryResult.DEAD_LETTERED, "unexpected status code 400: bad channel", 1);

    assertThat(texts(am.explain("t", DISK, config)))
        .contains(
            "delivery-failed: delivery failed: unexpected status code 400: bad channel (in the DLQ;"
                + " the group notifies again at its next flush)");
  }

  @Test
  void aReceiverWithoutIntegrationsIsRoutedNowhere() throws Exception {
    String config = ROUTE + "receivers:\n  - name: team\n";
    am.config("t", config);
    am.post("t", alert(DISK));
    am.advanceTo(1.1);

    Explanation e = am.explain("t", DISK, config);
    assertThat(e.now())
        .contains("routed to receiver team, which has no integrations: it notifies nobody");
    assertThat(texts(e))
        .anyMatch(
            s ->
                s.startsWith("routed-nowhere: routed to receiver team, which has no integrations"));
  }

  @Test
  void inhibitionNamesTheInhibitingAlertAndTheRule() throws Exception {
    String config =
        ROUTE.replace("group_by: [alertname]", "group_by: [severity]")
            + TEAM
            + "inhibit_rules:\n  - source_matchers: ['severity=\"critical\"']\n"
            + "    target_matchers: ['severity=\"warning\"']\n";
    Map<String, String> critical = Map.of("alertname", "DiskGone", "severity", "critical");
    am.config("t", config);
    am.post("t", alert(critical));
    am.post("t", alert(DISK));
    am.advanceTo(1.1);

    Explanation e = am.explain("t", DISK, config);
    String inhibitor = io.alertstream.topology.alerts.Fingerprint.of(critical);
    assertThat(e.now()).contains("inhibited now by alert " + inhibitor);
    assertThat(e.timeline())
        .anyMatch(
            s ->
                s.kind().equals("inhibited")
                    && s.text().contains("inhibited by alert " + inhibitor)
                    && s.text().contains("severity=\"critical\"")
                    && s.link().equals("/api/v1/explain?fingerprint=" + inhibitor));
  }

  @Test
  void aSilenceIsNamedWithALinkToIt() throws Exception {
    String config = ROUTE + TEAM;
    am.config("t", config);
    am.silence("t", "s-1", SilenceAction.CREATE, -10, 100, equal("alertname", "DiskFull"));
    am.post("t", alert(DISK));
    am.advanceTo(1.1);

    Explanation e = am.explain("t", DISK, config);
    assertThat(e.now()).anyMatch(s -> s.startsWith("silenced now by silence s-1 until"));
    assertThat(e.timeline())
        .anyMatch(
            s ->
                s.kind().equals("silenced")
                    && s.text().equals("not sent to team: silenced by silence s-1")
                    && s.link().equals("/api/v2/silence/s-1"));
    assertThat(am.webhooks()).isEmpty();
  }

  @Test
  void aMuteTimeIntervalIsNamed() throws Exception {
    String config =
        ROUTE
            + "  routes:\n    - matchers: ['alertname=\"DiskFull\"']\n"
            + "      mute_time_intervals: [always]\n"
            + TEAM
            + "time_intervals:\n  - name: always\n    time_intervals: [{times: [{start_time: '00:00', end_time: '24:00'}]}]\n";
    am.config("t", config);
    am.post("t", alert(DISK));
    am.advanceTo(1.1);

    assertThat(texts(am.explain("t", DISK, config)))
        .contains("muted: not sent to team: muted, in the route's mute time interval always");
  }

  @Test
  void anUnknownAlertIsSaidToBeUnknown() throws Exception {
    String config = ROUTE + TEAM;
    am.config("t", config);

    Explanation e = am.explain("t", Map.of("alertname", "Never"), config);

    assertThat(e.now()).anyMatch(s -> s.contains("holds no alert with fingerprint"));
    assertThat(e.timeline()).isEmpty();
  }
}
