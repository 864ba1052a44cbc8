package io.alertstream.topology.nflog;

import io.alertstream.schemas.NotificationReason;
import java.util.Optional;
import java.util.Set;

/** Alertmanager's rule for whether a group's current state needs a notification. */
public final class Dedup {

  private Dedup() {}

  /**
   * Why to notify, or empty when nothing needs saying.
   *
   * @param entry what was last notified, null if never
   */
  public static Optional<NotificationReason> needsUpdate(
      NotificationLogEntry entry,
      Set<String> firing,
      Set<String> resolved,
      boolean sendResolved,
      long repeatIntervalMs,
      long now) {
    if (entry == null) {
      return firing.isEmpty() ? Optional.empty() : Optional.of(NotificationReason.FIRST);
    }
    if (!entry.firing().containsAll(firing)) {
      return Optional.of(NotificationReason.NEW_ALERTS);
    }
    if (firing.isEmpty()) {
      // All resolved: said whatever send_resolved is, so the log forgets the firing alerts. If
      // nothing was firing last time either, the receiver never heard of these alerts.
      return entry.firing().isEmpty() ? Optional.empty() : Optional.of(NotificationReason.RESOLVED);
    }
    if (sendResolved && !entry.resolved().containsAll(resolved)) {
      return Optional.of(NotificationReason.RESOLVED);
    }
    return entry.timestamp() < now - repeatIntervalMs
        ? Optional.of(NotificationReason.REPEAT)
        : Optional.empty();
  }
}
