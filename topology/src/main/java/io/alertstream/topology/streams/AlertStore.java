package io.alertstream.topology.streams;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.UnchangedResend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A task's alerts: the alert store, and in memory the latest versions of alerts re-sent unchanged
 * but for their times, whose writes {@link UnchangedResend} defers. Reads see the latest version.
 * The deferred versions are also published to the instance's {@link LatestAlerts}, for the API.
 */
final class AlertStore {

  /** A deferred version and the stored copy it was deferred against. */
  private record Deferred(Alert stored, Alert latest) {}

  private final KeyValueStore<String, Alert> store;
  private final LatestAlerts published;
  private final Map<String, Deferred> deferred = new HashMap<>();

  /**
   * Takes the stores as a restarted task finds them: each stored firing alert is extended as far as
   * a deferred version lost with the last run could have reached ({@link
   * UnchangedResend#restored}).
   */
  AlertStore(KeyValueStore<String, Alert> store, LatestAlerts published, long now) {
    this.store = store;
    this.published = published;
    try (KeyValueIterator<String, Alert> it = store.all()) {
      it.forEachRemaining(
          kv -> {
            Alert restored = UnchangedResend.restored(kv.value, now);
            if (restored != kv.value) {
              defer(kv.key, kv.value, restored);
            }
          });
    }
  }

  Alert get(String key) {
    Deferred d = deferred.get(key);
    return d != null ? d.latest : store.get(key);
  }

  /** Keeps {@code latest} as the alert's version, writing it now unless it may be deferred. */
  void put(String key, Alert latest, long now) {
    Deferred d = deferred.get(key);
    Alert stored = d != null ? d.stored : store.get(key);
    if (UnchangedResend.deferrable(stored, latest, now)) {
      defer(key, stored, latest);
    } else {
      write(key, latest);
    }
  }

  void delete(String key) {
    if (deferred.remove(key) != null) {
      published.remove(key);
    }
    store.delete(key);
  }

  /** Writes the deferred versions whose stored copies have grown older than their deferral. */
  void writeDue(long now) {
    List<Map.Entry<String, Deferred>> due = new ArrayList<>();
    for (Map.Entry<String, Deferred> e : deferred.entrySet()) {
      if (UnchangedResend.writeDue(e.getValue().stored, now)) {
        due.add(e);
      }
    }
    for (Map.Entry<String, Deferred> e : due) {
      write(e.getKey(), e.getValue().latest);
    }
  }

  /** How many versions are held in memory, not yet written. */
  int deferredCount() {
    return deferred.size();
  }

  /** The tenant's alerts, latest versions. */
  List<KeyValue<String, Alert>> ofTenant(String tenant) {
    List<KeyValue<String, Alert>> out = new ArrayList<>();
    try (KeyValueIterator<String, Alert> it =
        store.prefixScan(TenantState.key(tenant, ""), new StringSerializer())) {
      it.forEachRemaining(kv -> out.add(latest(kv)));
    }
    return out;
  }

  /** Every alert of the task, latest versions. */
  List<KeyValue<String, Alert>> all() {
    List<KeyValue<String, Alert>> out = new ArrayList<>();
    try (KeyValueIterator<String, Alert> it = store.all()) {
      it.forEachRemaining(kv -> out.add(latest(kv)));
    }
    return out;
  }

  /** Forgets the deferred versions, from the instance's too: the task is closing. */
  void close() {
    for (Iterator<String> it = deferred.keySet().iterator(); it.hasNext(); ) {
      published.remove(it.next());
      it.remove();
    }
  }

  private KeyValue<String, Alert> latest(KeyValue<String, Alert> kv) {
    Deferred d = deferred.get(kv.key);
    return d == null ? kv : KeyValue.pair(kv.key, d.latest);
  }

  private void defer(String key, Alert stored, Alert latest) {
    deferred.put(key, new Deferred(stored, latest));
    published.put(key, latest);
  }

  private void write(String key, Alert latest) {
    store.put(key, latest);
    if (deferred.remove(key) != null) {
      published.remove(key);
    }
  }
}
