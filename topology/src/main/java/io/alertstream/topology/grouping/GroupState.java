package io.alertstream.topology.grouping;

import io.alertstream.topology.alerts.Alert;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An aggregation group: which alerts of one route share the group labels, and when it flushes next.
 * The alerts themselves are read from the tenant's alert store at flush time, so a re-sent alert
 * changes nothing here.
 *
 * @param routeId which route of the tenant's tree (see {@link RouteIndex})
 * @param groupKey Alertmanager's group key
 * @param fingerprints the group's alerts
 * @param hasFlushed whether the first flush happened (until then a late-starting alert can make the
 *     group flush at once)
 */
public record GroupState(
    String routeId,
    String groupKey,
    Map<String, String> groupLabels,
    String receiver,
    Set<String> fingerprints,
    long nextFlushAt,
    boolean hasFlushed) {

  public GroupState {
    groupLabels = new TreeMap<>(groupLabels);
    fingerprints = new TreeSet<>(fingerprints);
  }

  /**
   * A new group for an alert received at {@code receivedAt}: its first flush is group_wait after
   * that, as in Alertmanager, which opens the group when the alert arrives. When the topology lags
   * so far behind that this has passed, it flushes at once, give or take {@link
   * #IMMEDIATE_FLUSH_SETTLE_MS}.
   */
  public static GroupState create(
      String routeId,
      String groupKey,
      Map<String, String> groupLabels,
      String receiver,
      long receivedAt,
      long now,
      long groupWaitMs) {
    long due = receivedAt + groupWaitMs;
    if (due < now) {
      due = now + IMMEDIATE_FLUSH_SETTLE_MS;
    }
    return new GroupState(routeId, groupKey, groupLabels, receiver, Set.of(), due, false);
  }

  /**
   * How long "at once" waits. Alertmanager inserts a whole POST's alerts before its flush runs;
   * Kafka Streams may punctuate between two records of one POST (it processes a single record per
   * loop after an idle spell), so the flush waits this long for the rest of the batch.
   */
  static final long IMMEDIATE_FLUSH_SETTLE_MS = 50;

  /**
   * With the alert in it; this same instance when nothing changes. Before the first flush, an alert
   * that had started more than group_wait before it was received makes the group flush at once (why
   * old alerts notify right after a restart), give or take {@link #IMMEDIATE_FLUSH_SETTLE_MS}.
   * Receipt, not processing time, decides, as in Alertmanager: an alert the topology reads late is
   * not old for that.
   */
  public GroupState insert(Alert alert, long now, long groupWaitMs) {
    long next = nextFlushAt;
    if (!hasFlushed && alert.startsAt() + groupWaitMs < alert.updatedAt()) {
      next = Math.min(next, now + IMMEDIATE_FLUSH_SETTLE_MS);
    }
    if (next == nextFlushAt && fingerprints.contains(alert.fingerprint())) {
      return this;
    }
    Set<String> updated = new TreeSet<>(fingerprints);
    updated.add(alert.fingerprint());
    return new GroupState(routeId, groupKey, groupLabels, receiver, updated, next, hasFlushed);
  }

  /** After a flush: without the given alerts, next flush at {@code nextFlushAt}. */
  GroupState flushed(Set<String> removed, long nextFlushAt) {
    Set<String> remaining = new TreeSet<>(fingerprints);
    remaining.removeAll(removed);
    return new GroupState(routeId, groupKey, groupLabels, receiver, remaining, nextFlushAt, true);
  }
}
