package io.alertstream.topology.nflog;

import static io.alertstream.schemas.NotificationReason.FIRST;
import static io.alertstream.schemas.NotificationReason.NEW_ALERTS;
import static io.alertstream.schemas.NotificationReason.REPEAT;
import static io.alertstream.schemas.NotificationReason.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Alertmanager's five rules, one case each, and their edges. */
class DedupTest {

  private static final long REPEAT_MS = 60_000;
  private static final long NOW = 1_000_000;

  private static NotificationLogEntry entry(Set<String> firing, Set<String> resolved, long at) {
    return new NotificationLogEntry(firing, resolved, at, at + 2 * REPEAT_MS);
  }

  @Test
  void firstNotificationOnlyWhenSomethingFires() {
    assertThat(Dedup.needsUpdate(null, Set.of("a"), Set.of(), true, REPEAT_MS, NOW))
        .contains(FIRST);
    assertThat(Dedup.needsUpdate(null, Set.of(), Set.of("a"), true, REPEAT_MS, NOW)).isEmpty();
  }

  @Test
  void newFiringAlertsAreSentAtOnce() {
    var last = entry(Set.of("a"), Set.of(), NOW - 1);

    assertThat(Dedup.needsUpdate(last, Set.of("a", "b"), Set.of(), true, REPEAT_MS, NOW))
        .contains(NEW_ALERTS);
    assertThat(Dedup.needsUpdate(last, Set.of("a"), Set.of(), true, REPEAT_MS, NOW)).isEmpty();
  }

  @Test
  void allResolvedIsSentWhateverSendResolvedSays() {
    var last = entry(Set.of("a"), Set.of(), NOW - 1);

    assertThat(Dedup.needsUpdate(last, Set.of(), Set.of("a"), false, REPEAT_MS, NOW))
        .contains(RESOLVED);
    assertThat(
            Dedup.needsUpdate(
                entry(Set.of(), Set.of("a"), NOW - 1), Set.of(), Set.of("a"), true, REPEAT_MS, NOW))
        .isEmpty();
  }

  @Test
  void newlyResolvedAlertsOnlyForSendResolved() {
    var last = entry(Set.of("a", "b"), Set.of(), NOW - 1);

    assertThat(Dedup.needsUpdate(last, Set.of("a"), Set.of("b"), true, REPEAT_MS, NOW))
        .contains(RESOLVED);
    assertThat(Dedup.needsUpdate(last, Set.of("a"), Set.of("b"), false, REPEAT_MS, NOW)).isEmpty();
  }

  @Test
  void repeatsOnlyWhenTheEntryIsStrictlyOlderThanRepeatInterval() {
    assertThat(
            Dedup.needsUpdate(
                entry(Set.of("a"), Set.of(), NOW - REPEAT_MS),
                Set.of("a"),
                Set.of(),
                true,
                REPEAT_MS,
                NOW))
        .isEmpty();
    assertThat(
            Dedup.needsUpdate(
                entry(Set.of("a"), Set.of(), NOW - REPEAT_MS - 1),
                Set.of("a"),
                Set.of(),
                true,
                REPEAT_MS,
                NOW))
        .contains(REPEAT);
  }
}
