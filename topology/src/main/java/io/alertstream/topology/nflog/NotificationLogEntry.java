package io.alertstream.topology.nflog;

import java.util.Set;

/**
 * What was last notified to one integration for one group: the fingerprints of the firing and of
 * the resolved alerts, when, and until when the entry is kept.
 *
 * <p>Alertmanager writes its log only once a notification went out. Here the connector delivers
 * after the flush, so an entry written for a notification is {@link #pending()} until the
 * connector's outcome arrives: the next flushes deduplicate against it as if it had been sent (no
 * second notification while the first is on its way); {@link #delivered} confirms it; {@link
 * #withdrawn} puts back what stood before, so that the group's next flush notifies again.
 *
 * @param pending the notification on its way, null when the entry is confirmed
 */
public record NotificationLogEntry(
    Set<String> firing, Set<String> resolved, long timestamp, long expiresAt, Pending pending) {

  /**
   * The notification an entry waits for.
   *
   * @param notificationId the notification's id
   * @param routeId the route of the group it was made for, to find the group again
   * @param before the confirmed entry it replaced, null when there was none
   */
  public record Pending(String notificationId, String routeId, NotificationLogEntry before) {}

  public NotificationLogEntry {
    firing = Set.copyOf(firing);
    resolved = Set.copyOf(resolved);
  }

  /** A confirmed entry (nothing on its way). */
  public NotificationLogEntry(
      Set<String> firing, Set<String> resolved, long timestamp, long expiresAt) {
    this(firing, resolved, timestamp, expiresAt, null);
  }

  /**
   * The entry for a notification just emitted, replacing {@code previous}; if that was pending too,
   * what it replaced is what a failure puts back.
   */
  public static NotificationLogEntry sent(
      Set<String> firing,
      Set<String> resolved,
      long timestamp,
      long expiresAt,
      String notificationId,
      String routeId,
      NotificationLogEntry previous) {
    NotificationLogEntry before = previous == null ? null : previous.confirmed();
    return new NotificationLogEntry(
        firing, resolved, timestamp, expiresAt, new Pending(notificationId, routeId, before));
  }

  /** Whether this entry waits for the outcome of {@code notificationId}. */
  public boolean awaits(String notificationId) {
    return pending != null && pending.notificationId().equals(notificationId);
  }

  /** The entry once {@code notificationId} was delivered: confirmed if it was the one awaited. */
  public NotificationLogEntry delivered(String notificationId) {
    return awaits(notificationId)
        ? new NotificationLogEntry(firing, resolved, timestamp, expiresAt)
        : this;
  }

  /**
   * The entry once {@code notificationId} was given up: what stood before it (null: no entry) if it
   * was the one awaited, else unchanged (a later notification is on its way and covers it).
   */
  public NotificationLogEntry withdrawn(String notificationId) {
    return awaits(notificationId) ? pending.before() : this;
  }

  /** The alerts this entry says were notified, firing and resolved. */
  public Set<String> notified() {
    Set<String> all = new java.util.TreeSet<>(firing);
    all.addAll(resolved);
    return all;
  }

  /** The last confirmed state: this entry, or what a pending one replaced. */
  private NotificationLogEntry confirmed() {
    return pending == null ? this : pending.before();
  }
}
