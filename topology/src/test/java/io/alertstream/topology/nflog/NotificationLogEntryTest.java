package io.alertstream.topology.nflog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pending notifications of a log entry and what each outcome leaves. */
class NotificationLogEntryTest {

  private static final NotificationLogEntry CONFIRMED =
      new NotificationLogEntry(Set.of("a"), Set.of(), 10, 1000);

  private static NotificationLogEntry send(
      NotificationLogEntry previous, String id, Set<String> firing, long at) {
    return NotificationLogEntry.sent(firing, Set.of(), at, 1000, id, "0", previous);
  }

  @Test
  void aDeliveredNotificationLeavesAConfirmedEntry() {
    NotificationLogEntry entry = send(CONFIRMED, "n1", Set.of("a", "b"), 20);

    NotificationLogEntry delivered = entry.delivered("n1");

    assertThat(delivered.pending()).isNull();
    assertThat(delivered.firing()).containsExactlyInAnyOrder("a", "b");
    assertThat(delivered.timestamp()).isEqualTo(20);
  }

  @Test
  void aWithdrawnNotificationPutsBackTheEntryBeforeItOrNone() {
    assertThat(send(CONFIRMED, "n1", Set.of("a", "b"), 20).withdrawn("n1")).isEqualTo(CONFIRMED);
    assertThat(send(null, "n1", Set.of("a"), 20).withdrawn("n1")).isNull();
  }

  @Test
  void anOutcomeForANotificationTheEntryDoesNotAwaitChangesNothing() {
    NotificationLogEntry entry = send(CONFIRMED, "n1", Set.of("a", "b"), 20);

    assertThat(entry.withdrawn("other")).isSameAs(entry);
    assertThat(entry.delivered("other")).isSameAs(entry);
    assertThat(CONFIRMED.withdrawn("n1")).isSameAs(CONFIRMED);
  }

  @Test
  void withdrawingTheLatestFallsBackToTheOneStillOnItsWay() {
    NotificationLogEntry entry =
        send(send(CONFIRMED, "n1", Set.of("a", "b"), 20), "n2", Set.of("a", "b", "c"), 30);

    NotificationLogEntry after = entry.withdrawn("n2");

    assertThat(after.firing()).containsExactlyInAnyOrder("a", "b");
    assertThat(after.awaited("n1")).isPresent();
    assertThat(after.withdrawn("n1")).isEqualTo(CONFIRMED);
  }

  @Test
  void withdrawingAnEarlierOneKeepsTheLatestState() {
    NotificationLogEntry entry =
        send(send(CONFIRMED, "n1", Set.of("a", "b"), 20), "n2", Set.of("a", "b", "c"), 30);

    NotificationLogEntry after = entry.withdrawn("n1");

    assertThat(after.firing()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(after.withdrawn("n2")).isEqualTo(CONFIRMED);
  }

  @Test
  void anEarlierDeliveredOneIsWhatALaterFailurePutsBack() {
    NotificationLogEntry entry =
        send(send(CONFIRMED, "n1", Set.of("a", "b"), 20), "n2", Set.of("a", "b", "c"), 30);

    NotificationLogEntry after = entry.delivered("n1").withdrawn("n2");

    assertThat(after.firing()).containsExactlyInAnyOrder("a", "b");
    assertThat(after.timestamp()).isEqualTo(20);
    assertThat(after.pending()).isNull();
  }

  @Test
  void aLaterDeliveredOneIsNotUndoneByAnEarlierDelivery() {
    NotificationLogEntry entry =
        send(send(CONFIRMED, "n1", Set.of("a", "b"), 20), "n2", Set.of("a", "b", "c"), 30);

    NotificationLogEntry after = entry.delivered("n2").delivered("n1");

    assertThat(after.pending()).isNull();
    assertThat(after.firing()).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void theOldestBeyondTheInFlightLimitCountsAsDelivered() {
    NotificationLogEntry entry = CONFIRMED;
    for (int i = 0; i <= NotificationLogEntry.MAX_IN_FLIGHT; i++) {
      entry = send(entry, "n" + i, Set.of("a", "x" + i), 20 + i);
    }

    assertThat(entry.pending().inFlight()).hasSize(NotificationLogEntry.MAX_IN_FLIGHT);
    assertThat(entry.awaited("n0")).isEmpty();
    assertThat(entry.pending().confirmed().firing()).containsExactlyInAnyOrder("a", "x0");
  }
}
