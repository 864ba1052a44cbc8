package io.alertstream.topology.nflog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What was last notified to one integration for one group: the fingerprints of the firing and of
 * the resolved alerts, when, and until when the entry is kept.
 *
 * <p>Alertmanager writes its log only once a notification went out. Here the connector delivers
 * after the flush, so the notifications of an entry are {@link #pending()} until the connector's
 * outcome arrives. The next flushes deduplicate against the latest one as if it had been sent (no
 * second notification while the first is on its way); {@link #delivered} makes a notification's
 * state the confirmed one; {@link #withdrawn} forgets a notification, so that if it was the latest
 * the entry says again what the one before it said, and the group's next flush notifies. While an
 * entry of a group is pending, the group keeps its resolved alerts ({@code GroupFlush}); they leave
 * it once every integration's notification about them is delivered, as Alertmanager's group keeps
 * them until a notification about them succeeded.
 *
 * @param pending the notifications on their way, null when none is
 */
public record NotificationLogEntry(
    Set<String> firing, Set<String> resolved, long timestamp, long expiresAt, Pending pending) {

  /** At most this many notifications of one entry are awaited; older ones count as delivered. */
  static final int MAX_IN_FLIGHT = 64;

  /**
   * The notifications an entry waits for.
   *
   * @param routeId the route of the group they were made for, to find the group again
   * @param confirmed the entry as the last delivered notification left it, null when none was
   * @param inFlight the notifications on their way, oldest first; the last is the entry's state
   */
  public record Pending(String routeId, NotificationLogEntry confirmed, List<Sent> inFlight) {

    public Pending {
      inFlight = List.copyOf(inFlight);
    }
  }

  /** One notification on its way and the state it told. */
  public record Sent(
      String notificationId, Set<String> firing, Set<String> resolved, long timestamp) {

    public Sent {
      firing = Set.copyOf(firing);
      resolved = Set.copyOf(resolved);
    }
  }

  public NotificationLogEntry {
    firing = Set.copyOf(firing);
    resolved = Set.copyOf(resolved);
  }

  /** A confirmed entry (nothing on its way). */
  public NotificationLogEntry(
      Set<String> firing, Set<String> resolved, long timestamp, long expiresAt) {
    this(firing, resolved, timestamp, expiresAt, null);
  }

  /** The entry for a notification just emitted after {@code previous} (null: none). */
  public static NotificationLogEntry sent(
      Set<String> firing,
      Set<String> resolved,
      long timestamp,
      long expiresAt,
      String notificationId,
      String routeId,
      NotificationLogEntry previous) {
    NotificationLogEntry confirmed = previous == null ? null : previous.confirmed();
    List<Sent> inFlight = new ArrayList<>();
    if (previous != null && previous.pending != null) {
      inFlight.addAll(previous.pending.inFlight());
    }
    inFlight.add(new Sent(notificationId, firing, resolved, timestamp));
    while (inFlight.size() > MAX_IN_FLIGHT) {
      Sent oldest = inFlight.remove(0);
      confirmed = state(oldest, expiresAt, null);
    }
    return new NotificationLogEntry(
        firing, resolved, timestamp, expiresAt, new Pending(routeId, confirmed, inFlight));
  }

  /** The notification with this id, if this entry awaits it. */
  public Optional<Sent> awaited(String notificationId) {
    return pending == null
        ? Optional.empty()
        : pending.inFlight().stream()
            .filter(s -> s.notificationId().equals(notificationId))
            .findFirst();
  }

  /**
   * The entry once {@code notificationId} was delivered: its state becomes the confirmed one
   * (unless a later delivered one is confirmed already); the entry's own state, the latest sent,
   * stays.
   */
  public NotificationLogEntry delivered(String notificationId) {
    var sent = awaited(notificationId);
    if (sent.isEmpty()) {
      return this;
    }
    NotificationLogEntry confirmed = pending.confirmed();
    if (confirmed == null || confirmed.timestamp() <= sent.get().timestamp()) {
      confirmed = state(sent.get(), expiresAt, null);
    }
    List<Sent> left = inFlightWithout(sent.get());
    return new NotificationLogEntry(
        firing,
        resolved,
        timestamp,
        expiresAt,
        left.isEmpty() ? null : new Pending(pending.routeId(), confirmed, left));
  }

  /**
   * The entry once {@code notificationId} was given up: without it; if it was the latest, the entry
   * says what the one before it (still on its way, or the confirmed entry) said, null when nothing
   * was said before.
   */
  public NotificationLogEntry withdrawn(String notificationId) {
    var sent = awaited(notificationId);
    if (sent.isEmpty()) {
      return this;
    }
    List<Sent> left = inFlightWithout(sent.get());
    boolean wasLatest = pending.inFlight().get(pending.inFlight().size() - 1).equals(sent.get());
    Pending rest =
        left.isEmpty() ? null : new Pending(pending.routeId(), pending.confirmed(), left);
    if (!wasLatest) {
      return new NotificationLogEntry(firing, resolved, timestamp, expiresAt, rest);
    }
    return rest == null ? pending.confirmed() : state(left.get(left.size() - 1), expiresAt, rest);
  }

  private List<Sent> inFlightWithout(Sent sent) {
    List<Sent> left = new ArrayList<>(pending.inFlight());
    left.remove(sent);
    return left;
  }

  private static NotificationLogEntry state(Sent sent, long expiresAt, Pending pending) {
    return new NotificationLogEntry(
        sent.firing(), sent.resolved(), sent.timestamp(), expiresAt, pending);
  }

  /**
   * Whether {@code other} says what this entry says (what was told, when, and until when it is
   * kept), whatever their notifications on their way.
   */
  public boolean saysTheSameAs(NotificationLogEntry other) {
    return other != null
        && timestamp == other.timestamp
        && expiresAt == other.expiresAt
        && firing.equals(other.firing)
        && resolved.equals(other.resolved);
  }

  /** The last confirmed state: this entry, or what its pending notifications replaced. */
  private NotificationLogEntry confirmed() {
    return pending == null ? this : pending.confirmed();
  }
}
