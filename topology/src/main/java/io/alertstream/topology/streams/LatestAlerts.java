package io.alertstream.topology.streams;

import io.alertstream.topology.alerts.Alert;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest versions of alerts whose writes to the alert store are deferred ({@link AlertStore}),
 * for all tasks of one instance, keyed as the store: what the API reads over the stored copies.
 */
public final class LatestAlerts {

  private final Map<String, Alert> latest = new ConcurrentHashMap<>();

  /** The latest version of the alert stored under {@code key} as {@code stored}. */
  public Alert over(String key, Alert stored) {
    Alert newer = latest.get(key);
    return newer != null ? newer : stored;
  }

  void put(String key, Alert alert) {
    latest.put(key, alert);
  }

  void remove(String key) {
    latest.remove(key);
  }
}
