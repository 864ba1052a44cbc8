package io.alertstream.topology.streams;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.grouping.GroupState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest versions of alerts and groups whose writes the tasks of one instance defer ({@link
 * DeferringStore}), keyed as their stores: what readers outside the stream threads (the API, a
 * replay's clock) read over the stored copies.
 */
public final class UnwrittenState {

  private final Map<String, Alert> alerts = new ConcurrentHashMap<>();
  private final Map<String, GroupState> groups = new ConcurrentHashMap<>();

  /** The latest version of the alert stored under {@code key} as {@code stored}. */
  public Alert alert(String key, Alert stored) {
    Alert newer = alerts.get(key);
    return newer != null ? newer : stored;
  }

  /** The latest version of the group stored under {@code key} as {@code stored}. */
  public GroupState group(String key, GroupState stored) {
    GroupState newer = groups.get(key);
    return newer != null ? newer : stored;
  }

  Map<String, Alert> alerts() {
    return alerts;
  }

  Map<String, GroupState> groups() {
    return groups;
  }
}
