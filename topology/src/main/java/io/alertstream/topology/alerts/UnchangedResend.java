package io.alertstream.topology.alerts;

import java.util.Objects;

/**
 * When an alert re-sent unchanged but for its end and update time need not be written to the store
 * at once, and what may have been left unwritten when a task restarts. Rule evaluators re-send
 * every firing alert each minute or so, each time with a new {@code endsAt}; writing each one costs
 * a changelog record. A deferred version is held in memory ({@code DeferringStore}) and written
 * once the stored copy is older than its <em>deferral</em>: half its <em>horizon</em> (the time
 * from its update to its end; Prometheus: 4 evaluation intervals; without {@code endsAt}: the
 * tenant's resolve_timeout), at most {@link #MAX_DEFERRAL_MS}.
 *
 * <p>After a crash the stored copy is all there is. A deferred version was received within the
 * stored copy's deferral and before the restart, with a horizon no longer than the stored one's, so
 * it ends at most one horizon after {@code min(restart, stored update + deferral)}: {@link
 * #restored} extends the stored copy to that, so that no alert resolves earlier than it would have.
 * An alert whose re-sends stopped before the restart may resolve up to one deferral later than it
 * would have.
 */
public final class UnchangedResend {

  /**
   * Alerts with a shorter horizon are always written: their deferral would come close to the few
   * seconds between the checks that write deferred versions.
   */
  public static final long MIN_HORIZON_MS = 120_000;

  /** The longest a firing alert's update stays unwritten, and so the most a restart extends it. */
  public static final long MAX_DEFERRAL_MS = 600_000;

  private UnchangedResend() {}

  /**
   * True when {@code latest} (the merge of a re-sent alert into the current version) need not be
   * written now over {@code stored}: identical to it but for a later end within the stored horizon
   * (both firing), or for its update time (both resolved at the same time), and the stored copy is
   * younger than its deferral.
   */
  public static boolean deferrable(Alert stored, Alert latest, long now) {
    if (stored == null || !sameButTimes(stored, latest) || latest.updatedAt() > now) {
      return false;
    }
    if (stored.resolvedAt(now) || latest.resolvedAt(now)) {
      return stored.resolvedAt(now) && latest.resolvedAt(now) && stored.endsAt() == latest.endsAt();
    }
    long horizon = horizon(stored);
    return horizon >= MIN_HORIZON_MS
        && latest.endsAt() >= stored.endsAt()
        && horizon(latest) <= horizon
        && !writeDue(stored, now);
  }

  /**
   * The stored copy of a firing alert is older than its deferral: a deferred version is written.
   */
  public static boolean writeDue(Alert stored, long now) {
    return !stored.resolvedAt(now) && now - stored.updatedAt() >= deferral(stored);
  }

  /**
   * The stored copy of an alert as a restarted task holds it: a firing one whose updates may have
   * been deferred ends as late as the latest of them could have, updated when that one could have
   * been received.
   */
  public static Alert restored(Alert stored, long now) {
    long horizon = horizon(stored);
    if (stored.resolvedAt(now) || horizon < MIN_HORIZON_MS) {
      return stored;
    }
    long receivedBy = Math.min(now, stored.updatedAt() + deferral(stored));
    if (receivedBy + horizon <= stored.endsAt()) {
      return stored;
    }
    return new Alert(
        stored.fingerprint(),
        stored.labels(),
        stored.annotations(),
        stored.startsAt(),
        receivedBy + horizon,
        stored.generatorUrl(),
        receivedBy,
        stored.timeout());
  }

  private static long deferral(Alert stored) {
    return Math.min(horizon(stored) / 2, MAX_DEFERRAL_MS);
  }

  private static long horizon(Alert alert) {
    return alert.endsAt() - alert.updatedAt();
  }

  private static boolean sameButTimes(Alert a, Alert b) {
    return a.startsAt() == b.startsAt()
        && a.timeout() == b.timeout()
        && a.labels().equals(b.labels())
        && a.annotations().equals(b.annotations())
        && Objects.equals(a.generatorUrl(), b.generatorUrl());
  }
}
