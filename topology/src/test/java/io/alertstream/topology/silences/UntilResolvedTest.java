package io.alertstream.topology.silences;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.topology.alerts.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UntilResolvedTest {

  private static final UntilResolved GRACE_60S = new UntilResolved(Duration.ofSeconds(60));

  private static Silence silence(boolean untilResolved, long startsAt) {
    return new Silence(
        "s1",
        List.of("alertname=\"DiskFull\""),
        startsAt,
        1_000_000,
        "me",
        "",
        startsAt,
        untilResolved,
        null);
  }

  private static Alert alert(String host, long startsAt, long endsAt) {
    return new Alert(
        "fp-" + host,
        Map.of("alertname", "DiskFull", "host", host),
        Map.of(),
        startsAt,
        endsAt,
        "",
        startsAt,
        false);
  }

  @Test
  void endsOnceTheLastMatchedAlertResolvedTheGraceAgo() {
    Silence s = silence(true, 0);
    List<Alert> alerts = List.of(alert("a", 0, 10_000), alert("b", 0, 20_000));

    UntilResolved.Outcome early = GRACE_60S.check(List.of(s), alerts, 79_999);
    assertThat(early.ending()).isEmpty();
    assertThat(early.nextCheckAt()).as("the grace after the last resolution").isEqualTo(80_000);
    assertThat(GRACE_60S.check(List.of(s), alerts, 80_000).ending()).containsExactly(s);
  }

  @Test
  void aFiringMatchKeepsIt() {
    Silence s = silence(true, 0);
    List<Alert> alerts = List.of(alert("a", 0, 10_000), alert("b", 0, 500_000));

    UntilResolved.Outcome outcome = GRACE_60S.check(List.of(s), alerts, 200_000);
    assertThat(outcome.ending()).isEmpty();
    assertThat(outcome.nextCheckAt()).as("when the firing alert ends").isEqualTo(500_000);
  }

  @Test
  void alertsThatResolvedBeforeItStartedOrDoNotMatchDoNotCount() {
    Silence s = silence(true, 50_000);
    Alert other =
        new Alert("fp-x", Map.of("alertname", "CpuHigh"), Map.of(), 0, 60_000, "", 0, false);
    List<Alert> alerts = List.of(alert("a", 0, 40_000), other);

    assertThat(GRACE_60S.check(List.of(s), alerts, 500_000).ending()).isEmpty();
  }

  @Test
  void onlySilencesUntilResolvedThatAreActiveEnd() {
    List<Alert> alerts = List.of(alert("a", 0, 10_000));

    assertThat(GRACE_60S.check(List.of(silence(false, 0)), alerts, 500_000).ending()).isEmpty();
    UntilResolved.Outcome pending =
        GRACE_60S.check(List.of(silence(true, 600_000)), alerts, 500_000);
    assertThat(pending.ending()).isEmpty();
    assertThat(pending.nextCheckAt()).as("when it starts").isEqualTo(600_000);
  }

  @Test
  void aTenantIsWatchedWhileOneOfItsSilencesUntilResolvedHasNotEnded() {
    assertThat(UntilResolved.anyWatched(List.of(silence(true, 0)), 500_000)).isTrue();
    assertThat(UntilResolved.anyWatched(List.of(silence(true, 0)), 1_000_000)).isFalse();
    assertThat(UntilResolved.anyWatched(List.of(silence(false, 0)), 500_000)).isFalse();
  }

  @Test
  void theWatchChecksATenantOnlyWhenOneOfItsSilencesCouldHaveEnded() {
    UntilResolvedWatch watch = new UntilResolvedWatch();
    assertThat(watch.due(0)).isEmpty();
    watch.silenceChanged("acme");
    assertThat(watch.due(0)).containsExactly("acme");

    watch.checked("acme", List.of(silence(true, 0)), Long.MAX_VALUE, 1_000);
    assertThat(watch.due(900_000)).isEmpty();
    watch.alertReceived(
        "acme",
        new Alert("fp-x", Map.of("alertname", "CpuHigh"), Map.of(), 0, 2_000, "", 0, false),
        3_000);
    assertThat(watch.due(900_000)).as("an alert no silence matches changes nothing").isEmpty();
    watch.alertReceived("acme", alert("a", 0, 400_000), 3_000);
    assertThat(watch.due(399_999)).isEmpty();
    assertThat(watch.due(400_000)).as("when the matched alert could end").containsExactly("acme");
    watch.alertReceived("acme", alert("a", 0, 3_000), 3_000);
    assertThat(watch.due(3_000)).as("a resolved match: at once").containsExactly("acme");

    watch.checked("acme", List.of(silence(false, 0)), 5_000, 4_000);
    assertThat(watch.due(Long.MAX_VALUE)).as("no silence until resolved left").isEmpty();
  }
}
