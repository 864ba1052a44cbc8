package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static io.alertstream.topology.streams.TopologyHarness.equal;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.SilenceAction;
import io.alertstream.topology.silences.Silence;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silences until resolved on the topology with a simulated clock and a grace of 5 s: they mute as
 * any silence, and end by themselves once every alert they matched has resolved for the grace.
 */
class SilenceUntilResolvedTest {

  private static final String CONFIG =
      "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 1s\n"
          + "  group_interval: 1s\n  repeat_interval: 1h\n"
          + "receivers:\n  - name: team\n    webhook_configs:\n      - url: http://hook/a\n";
  private static final Map<String, String> DISK = Map.of("alertname", "DiskFull");

  @TempDir Path stateDir;
  private TopologyHarness am;

  @BeforeEach
  void start() {
    am =
        new TopologyHarness(
            stateDir, TopologyHarness.DEFAULTS.withUntilResolvedGrace(Duration.ofSeconds(5)));
    am.config("t", CONFIG);
  }

  @AfterEach
  void stop() {
    am.close();
  }

  @Test
  void endsByItselfOnceItsAlertHasBeenResolvedForTheGrace() throws Exception {
    am.silenceUntilResolved("t", "s1", 0, 3600, equal("alertname", "DiskFull"));
    am.post("t", alert(DISK, 0, 3600.0));
    am.advanceTo(10);
    assertThat(am.webhooks()).isEmpty();
    assertThat(am.explain("t", DISK, CONFIG).now())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("silenced now by silence s1 until")
                    .endsWith("or until every alert it silences has resolved"));

    am.post("t", alert(DISK, 0, 10.0));
    am.advanceTo(14);
    assertThat(am.storedSilence("t", "s1").state(at(14))).isEqualTo(Silence.State.ACTIVE);

    am.advanceTo(21);
    Silence ended = am.storedSilence("t", "s1");
    assertThat(ended.state(at(21))).isEqualTo(Silence.State.EXPIRED);
    assertThat(ended.expiredBy()).isEqualTo(Silence.EXPIRED_BY_RESOLUTION);
    assertThat(ended.endsAt()).isBetween(at(15), at(21));
    assertThat(am.webhooks()).as("the resolution of a silenced alert is not sent").isEmpty();

    am.post("t", alert(DISK, 25, 3600.0));
    am.advanceTo(27);
    assertThat(am.webhooks())
        .as("a new firing of the alert is no longer muted")
        .singleElement()
        .satisfies(s -> assertThat(s.notification().getStatus()).isEqualTo(AlertStatus.FIRING));
  }

  /**
   * The other tests make their silence before the first check, so the watch is built from the
   * silences store, as after a restart; this one makes it after.
   */
  @Test
  void aSilenceMadeAfterTheFirstCheckEndsToo() {
    am.advanceTo(30);
    am.post("t", alert(DISK, 30, 3600.0));
    am.silenceUntilResolved("t", "late", 31, 3600, equal("alertname", "DiskFull"));
    am.advanceTo(35);
    am.post("t", alert(DISK, 30, 35.0));
    am.advanceTo(51);

    assertThat(am.storedSilence("t", "late").expiredBy()).isEqualTo(Silence.EXPIRED_BY_RESOLUTION);
  }

  @Test
  void anAlertFiringAgainWithinTheGraceKeepsItInForce() {
    am.silenceUntilResolved("t", "s1", 0, 3600, equal("alertname", "DiskFull"));
    am.post("t", alert(DISK, 0, 3600.0));
    am.advanceTo(5);
    am.post("t", alert(DISK, 0, 5.0));
    am.advanceTo(8);
    am.post("t", alert(DISK, 8, 3600.0));
    am.advanceTo(40);

    assertThat(am.storedSilence("t", "s1").state(at(40))).isEqualTo(Silence.State.ACTIVE);
    assertThat(am.webhooks()).isEmpty();
  }

  @Test
  void waitsForEveryAlertItMatches() {
    am.silenceUntilResolved("t", "s1", 0, 3600, equal("alertname", "DiskFull"));
    am.post("t", alert(Map.of("alertname", "DiskFull", "host", "a"), 0, 3600.0));
    am.post("t", alert(Map.of("alertname", "DiskFull", "host", "b"), 0, 3600.0));
    am.advanceTo(2);
    am.post("t", alert(Map.of("alertname", "DiskFull", "host", "a"), 0, 2.0));
    am.advanceTo(30);
    assertThat(am.storedSilence("t", "s1").state(at(30))).isEqualTo(Silence.State.ACTIVE);

    am.post("t", alert(Map.of("alertname", "DiskFull", "host", "b"), 0, 30.0));
    am.advanceTo(46);
    assertThat(am.storedSilence("t", "s1").expiredBy()).isEqualTo(Silence.EXPIRED_BY_RESOLUTION);
  }

  @Test
  void onlyAlertsResolvedWhileItWasInForceCount() {
    am.post("t", alert(DISK, 0, 2.0));
    am.advanceTo(4);
    am.silenceUntilResolved("t", "s1", 4, 3600, equal("alertname", "DiskFull"));
    am.advanceTo(30);

    assertThat(am.storedSilence("t", "s1").state(at(30)))
        .as("it never silenced an alert, so it waits for one, or for its end time")
        .isEqualTo(Silence.State.ACTIVE);
  }

  @Test
  void aPlainSilenceRunsToItsEndTime() {
    am.silence("t", "plain", SilenceAction.CREATE, 0, 3600, equal("alertname", "DiskFull"));
    am.post("t", alert(DISK, 0, 3600.0));
    am.advanceTo(3);
    am.post("t", alert(DISK, 0, 3.0));
    am.advanceTo(30);

    Silence plain = am.storedSilence("t", "plain");
    assertThat(plain.state(at(30))).isEqualTo(Silence.State.ACTIVE);
    assertThat(plain.expiredBy()).isNull();
  }

  @Test
  void anExpiryThroughTheApiSaysSo() {
    am.silenceUntilResolved("t", "s1", 0, 3600, equal("alertname", "DiskFull"));
    am.silence("t", "s1", SilenceAction.EXPIRE, 0, 2, equal("alertname", "DiskFull"));
    am.advanceTo(3);

    assertThat(am.storedSilence("t", "s1").expiredBy()).isEqualTo(Silence.EXPIRED_BY_REQUEST);
  }

  private static long at(double seconds) {
    return TopologyHarness.at(seconds).toEpochMilli();
  }
}
