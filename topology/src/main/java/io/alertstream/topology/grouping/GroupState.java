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
   * that, as in Alertmanager, which opens the group when the alert arrives. If the topology reads
   * the alert later than that, the group is due at once; {@link ReceiptWatermark} holds the flush
   * until the alerts received before it are read too.
   */
  public static GroupState create(
      String routeId,
      String groupKey,
      Map<String, String> groupLabels,
      String receiver,
      long receivedAt,
      long groupWaitMs) {
    return new GroupState(
        routeId, groupKey, groupLabels, receiver, Set.of(), receivedAt + groupWaitMs, false);
  }

  /**
   * With the alert in it; this same instance when nothing changes. Before the first flush, an alert
   * that had started more than group_wait before it was received makes the group due at its receipt
   * (why old alerts notify right after a restart). Receipt, not processing time, decides, as in
   * Alertmanager: an alert the topology reads late is not old for that.
   */
  public GroupState insert(Alert alert, long groupWaitMs) {
    long next = nextFlushAt;
    if (!hasFlushed && alert.startsAt() + groupWaitMs < alert.updatedAt()) {
      next = Math.min(next, alert.updatedAt());
    }
    if (next == nextFlushAt && fingerprints.contains(alert.fingerprint())) {
      return this;
    }
    Set<String> updated = new TreeSet<>(fingerprints);
    updated.add(alert.fingerprint());
    return new GroupState(routeId, groupKey, groupLabels, receiver, updated, next, hasFlushed);
  }

  /** Without these alerts; this same instance when it has none of them. */
  public GroupState without(Set<String> removed) {
    if (removed.stream().noneMatch(fingerprints::contains)) {
      return this;
    }
    Set<String> remaining = new TreeSet<>(fingerprints);
    remaining.removeAll(removed);
    return new GroupState(
        routeId, groupKey, groupLabels, receiver, remaining, nextFlushAt, hasFlushed);
  }

  /** After a flush: without the given alerts, next flush at {@code nextFlushAt}. */
  GroupState flushed(Set<String> removed, long nextFlushAt) {
    Set<String> remaining = new TreeSet<>(fingerprints);
    remaining.removeAll(removed);
    return new GroupState(routeId, groupKey, groupLabels, receiver, remaining, nextFlushAt, true);
  }
}
