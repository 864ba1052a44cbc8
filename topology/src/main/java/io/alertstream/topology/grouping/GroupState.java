package io.alertstream.topology.grouping;

import io.alertstream.topology.alerts.Alert;
import java.util.Map;
import java.util.TreeMap;

/**
 * An aggregation group: the alerts of one route with the same group labels, and when it flushes
 * next.
 *
 * @param routeId which route of the tenant's tree (see {@code RouteIndex})
 * @param groupKey Alertmanager's group key
 * @param alerts by fingerprint
 * @param hasFlushed whether the first flush happened (until then a late-starting alert can make the
 *     group flush at once)
 */
public record GroupState(
    String routeId,
    String groupKey,
    Map<String, String> groupLabels,
    String receiver,
    Map<String, Alert> alerts,
    long nextFlushAt,
    boolean hasFlushed) {

  public GroupState {
    groupLabels = new TreeMap<>(groupLabels);
    alerts = new TreeMap<>(alerts);
  }

  /** A new group whose first flush is group_wait from now. */
  public static GroupState create(
      String routeId,
      String groupKey,
      Map<String, String> groupLabels,
      String receiver,
      long now,
      long groupWaitMs) {
    return new GroupState(
        routeId, groupKey, groupLabels, receiver, Map.of(), now + groupWaitMs, false);
  }

  /**
   * With the alert added or replaced. Before the first flush, an alert whose start plus group_wait
   * has already passed makes the group flush at once (why old alerts notify right after a restart).
   */
  public GroupState insert(Alert alert, long now, long groupWaitMs) {
    Map<String, Alert> updated = new TreeMap<>(alerts);
    updated.put(alert.fingerprint(), alert);
    long next = nextFlushAt;
    if (!hasFlushed && alert.startsAt() + groupWaitMs < now) {
      next = Math.min(next, now);
    }
    return new GroupState(routeId, groupKey, groupLabels, receiver, updated, next, hasFlushed);
  }
}
