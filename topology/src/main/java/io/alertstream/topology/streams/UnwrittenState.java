package io.alertstream.topology.streams;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.history.NotificationRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest versions of alerts and notification records whose writes the tasks of one instance
 * defer ({@link DeferringStore}), keyed as their stores: what readers outside the stream threads
 * (the API, a replay's clock) read over the stored copies.
 */
public final class UnwrittenState {

  private final Map<String, Alert> alerts = new ConcurrentHashMap<>();
  private final Map<String, NotificationRecord> history = new ConcurrentHashMap<>();

  /** The latest version of the alert stored under {@code key} as {@code stored}. */
  public Alert alert(String key, Alert stored) {
    Alert newer = alerts.get(key);
    return newer != null ? newer : stored;
  }

  /**
   * The tenant's notification records: {@code stored} (the store's, in key order), each read over
   * its latest version, then the records not written yet.
   */
  public List<NotificationRecord> history(
      String tenant, List<Map.Entry<String, NotificationRecord>> stored) {
    List<NotificationRecord> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Map.Entry<String, NotificationRecord> e : stored) {
      NotificationRecord newer = history.get(e.getKey());
      out.add(newer != null ? newer : e.getValue());
      keys.add(e.getKey());
    }
    String prefix = TenantState.key(tenant, "");
    for (Map.Entry<String, NotificationRecord> e : history.entrySet()) {
      if (e.getKey().startsWith(prefix) && !keys.contains(e.getKey())) {
        out.add(e.getValue());
      }
    }
    return out;
  }

  Map<String, NotificationRecord> history() {
    return history;
  }

  Map<String, Alert> alerts() {
    return alerts;
  }
}
