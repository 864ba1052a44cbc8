package io.alertstream.topology.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnchangedResendTest {

  private static final long MIN = 60_000;
  private static final long T0 = 1_000_000_000L;

  /** A Prometheus-style alert: received at {@code at}, ending 4 minutes later. */
  private static Alert sent(long at, long horizon) {
    return sent(at, horizon, "the summary");
  }

  private static Alert sent(long at, long horizon, String summary) {
    return new Alert(
        "fp",
        Map.of("alertname", "A"),
        Map.of("summary", summary),
        T0,
        at + horizon,
        "http://prom",
        at,
        false);
  }

  @Test
  void aReSendThatOnlyMovesTheEndIsDeferredUntilTheStoredCopyIsHalfAHorizonOld() {
    Alert stored = sent(T0, 4 * MIN);

    assertThat(UnchangedResend.deferrable(stored, sent(T0 + MIN, 4 * MIN), T0 + MIN)).isTrue();
    assertThat(UnchangedResend.deferrable(stored, sent(T0 + 2 * MIN, 4 * MIN), T0 + 2 * MIN))
        .as("half a horizon old: written")
        .isFalse();
    assertThat(UnchangedResend.writeDue(stored, T0 + 2 * MIN - 1)).isFalse();
    assertThat(UnchangedResend.writeDue(stored, T0 + 2 * MIN)).isTrue();
  }

  @Test
  void anyOtherChangeIsWrittenAtOnce() {
    Alert stored = sent(T0, 4 * MIN);
    long now = T0 + 10_000;

    assertThat(UnchangedResend.deferrable(null, sent(now, 4 * MIN), now)).as("new").isFalse();
    assertThat(UnchangedResend.deferrable(stored, sent(now, 4 * MIN, "changed"), now))
        .as("annotation")
        .isFalse();
    assertThat(UnchangedResend.deferrable(stored, sent(now, 5 * MIN), now))
        .as("a longer horizon than the stored one")
        .isFalse();
    assertThat(UnchangedResend.deferrable(stored, sent(now - 5 * MIN, 4 * MIN), now))
        .as("resolves: an end before the stored one")
        .isFalse();
    assertThat(UnchangedResend.deferrable(stored, sent(now + 1, 4 * MIN), now))
        .as("updated after now (another clock)")
        .isFalse();
    Alert shortHorizon = sent(T0, UnchangedResend.MIN_HORIZON_MS - 1);
    assertThat(
            UnchangedResend.deferrable(
                shortHorizon, sent(now, UnchangedResend.MIN_HORIZON_MS - 1), now))
        .as("horizon too short")
        .isFalse();
  }

  @Test
  void aResolvedAlertReSentWithTheSameEndIsDeferredForever() {
    Alert resolved = sent(T0 - 10 * MIN, 4 * MIN);
    Alert reSent =
        new Alert(
            "fp",
            resolved.labels(),
            resolved.annotations(),
            T0,
            resolved.endsAt(),
            "http://prom",
            T0 + MIN,
            false);

    assertThat(UnchangedResend.deferrable(resolved, reSent, T0 + MIN)).isTrue();
    assertThat(UnchangedResend.writeDue(resolved, T0 + 60 * MIN)).isFalse();
    assertThat(UnchangedResend.restored(resolved, T0 + MIN)).isSameAs(resolved);
  }

  @Test
  void theDeferralIsCappedForLongHorizons() {
    Alert stored = sent(T0, 24 * 60 * MIN);

    assertThat(UnchangedResend.writeDue(stored, T0 + UnchangedResend.MAX_DEFERRAL_MS)).isTrue();
    assertThat(UnchangedResend.restored(stored, T0 + 60 * MIN).endsAt())
        .as("at most one deferral later than stored")
        .isEqualTo(stored.endsAt() + UnchangedResend.MAX_DEFERRAL_MS);
  }

  /**
   * Re-sends at random times with random horizons, each deferred or written as the rule says; at a
   * crash at any moment, the restored copy of the store's alert never ends before the latest
   * version received, and never more than one deferral after it.
   */
  @Test
  void afterACrashAtAnyMomentNoAlertEndsEarlierThanItsLatestVersion() {
    Random random = new Random(42);
    for (int run = 0; run < 2_000; run++) {
      long horizon = (2 + random.nextInt(10)) * MIN;
      long now = T0;
      Alert stored = sent(now, horizon);
      Alert latest = stored;
      int resends = random.nextInt(20);
      for (int i = 0; i < resends; i++) {
        now += random.nextInt((int) MIN);
        if (UnchangedResend.writeDue(stored, now)) {
          stored = latest; // the check every few seconds writes it
        }
        long h = horizon - random.nextInt(2) * random.nextInt((int) MIN);
        Alert received = sent(now, h);
        latest = Alert.put(latest, received, now);
        if (!UnchangedResend.deferrable(stored, latest, now)) {
          stored = latest;
        }
      }
      long crash = now + random.nextInt(5_000);
      if (latest.resolvedAt(crash)) {
        continue;
      }
      Alert restored = UnchangedResend.restored(stored, crash);
      assertThat(restored.endsAt()).as("run %d", run).isGreaterThanOrEqualTo(latest.endsAt());
      assertThat(restored.endsAt() - latest.endsAt())
          .as("run %d", run)
          .isLessThanOrEqualTo(horizon / 2);
      assertThat(restored.labels()).isEqualTo(latest.labels());
    }
  }
}
