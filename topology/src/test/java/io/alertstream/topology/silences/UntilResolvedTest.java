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

    assertThat(GRACE_60S.ending(List.of(s), alerts, 79_999)).isEmpty();
    assertThat(GRACE_60S.ending(List.of(s), alerts, 80_000)).containsExactly(s);
  }

  @Test
  void aFiringMatchKeepsIt() {
    Silence s = silence(true, 0);
    List<Alert> alerts = List.of(alert("a", 0, 10_000), alert("b", 0, 500_000));

    assertThat(GRACE_60S.ending(List.of(s), alerts, 200_000)).isEmpty();
  }

  @Test
  void alertsThatResolvedBeforeItStartedOrDoNotMatchDoNotCount() {
    Silence s = silence(true, 50_000);
    Alert other =
        new Alert("fp-x", Map.of("alertname", "CpuHigh"), Map.of(), 0, 60_000, "", 0, false);
    List<Alert> alerts = List.of(alert("a", 0, 40_000), other);

    assertThat(GRACE_60S.ending(List.of(s), alerts, 500_000)).isEmpty();
  }

  @Test
  void onlySilencesUntilResolvedThatAreActiveEnd() {
    List<Alert> alerts = List.of(alert("a", 0, 10_000));

    assertThat(GRACE_60S.ending(List.of(silence(false, 0)), alerts, 500_000)).isEmpty();
    assertThat(GRACE_60S.ending(List.of(silence(true, 600_000)), alerts, 500_000)).isEmpty();
  }

  @Test
  void aTenantIsWatchedWhileOneOfItsSilencesUntilResolvedHasNotEnded() {
    assertThat(UntilResolved.anyWatched(List.of(silence(true, 0)), 500_000)).isTrue();
    assertThat(UntilResolved.anyWatched(List.of(silence(true, 0)), 1_000_000)).isFalse();
    assertThat(UntilResolved.anyWatched(List.of(silence(false, 0)), 500_000)).isFalse();
  }
}
