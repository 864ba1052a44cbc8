package io.alertstream.topology.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A store of the task whose writes may be deferred: a new version (or a new entry) that its {@link
 * Policy} says need not be written yet is held in memory (and published for readers outside the
 * stream thread), and written when the policy says it is due or when a later version must be
 * written. Reads see the latest versions. A crash loses the deferred versions; the policy must make
 * that safe.
 */
final class DeferringStore<V> {

  /** When a new version need not be written, and when a deferred one must be. */
  interface Policy<V> {
    /**
     * @param stored null when the entry is new
     */
    boolean deferrable(V stored, V latest, long now);

    /**
     * @param stored null when the entry is new
     */
    boolean writeDue(V stored, V latest, long now);
  }

  /** A deferred version and the stored copy it was deferred against. */
  private record Deferred<V>(V stored, V latest) {}

  private final KeyValueStore<String, V> store;
  private final Map<String, V> published;
  private final Policy<V> policy;
  private final Map<String, Deferred<V>> deferred = new HashMap<>();

  DeferringStore(KeyValueStore<String, V> store, Map<String, V> published, Policy<V> policy) {
    this.store = store;
    this.published = published;
    this.policy = policy;
  }

  /**
   * Holds, for each stored entry, what {@code restored} makes of it (when that is another version):
   * for a task that starts on what the store kept.
   */
  void restore(UnaryOperator<V> restored) {
    try (KeyValueIterator<String, V> it = store.all()) {
      it.forEachRemaining(
          kv -> {
            V version = restored.apply(kv.value);
            if (version != kv.value) {
              defer(kv.key, kv.value, version);
            }
          });
    }
  }

  V get(String key) {
    Deferred<V> d = deferred.get(key);
    return d != null ? d.latest : store.get(key);
  }

  /** Keeps {@code latest} as the entry's version, writing it now unless the policy defers it. */
  void put(String key, V latest, long now) {
    Deferred<V> d = deferred.get(key);
    keep(key, d != null ? d.stored : store.get(key), latest, now);
  }

  /**
   * As {@link #put(String, Object, long)}, for a caller that has just read the entry: {@code
   * previous} is what {@link #get} returned, which saves reading the store again.
   */
  void replace(String key, V previous, V latest, long now) {
    Deferred<V> d = deferred.get(key);
    keep(key, d != null ? d.stored : previous, latest, now);
  }

  private void keep(String key, V stored, V latest, long now) {
    if (policy.deferrable(stored, latest, now)) {
      defer(key, stored, latest);
    } else {
      write(key, latest);
    }
  }

  void delete(String key) {
    Deferred<V> d = deferred.remove(key);
    if (d != null) {
      published.remove(key);
      if (d.stored == null) {
        return; // never written: nothing to delete
      }
    }
    store.delete(key);
  }

  /** Writes the deferred versions the policy says are due. */
  void writeDue(long now) {
    List<Map.Entry<String, Deferred<V>>> due = new ArrayList<>();
    for (Map.Entry<String, Deferred<V>> e : deferred.entrySet()) {
      if (policy.writeDue(e.getValue().stored, e.getValue().latest, now)) {
        due.add(e);
      }
    }
    for (Map.Entry<String, Deferred<V>> e : due) {
      write(e.getKey(), e.getValue().latest);
    }
  }

  /** How many versions are held in memory, not yet written. */
  int deferredCount() {
    return deferred.size();
  }

  /** The tenant's entries, latest versions (new entries not written yet last). */
  List<KeyValue<String, V>> ofTenant(String tenant) {
    String prefix = TenantState.key(tenant, "");
    List<KeyValue<String, V>> out = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.prefixScan(prefix, new StringSerializer())) {
      it.forEachRemaining(kv -> out.add(latest(kv)));
    }
    addNew(out, prefix);
    return out;
  }

  /** Every entry of the task, latest versions (new entries not written yet last). */
  List<KeyValue<String, V>> all() {
    List<KeyValue<String, V>> out = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.all()) {
      it.forEachRemaining(kv -> out.add(latest(kv)));
    }
    addNew(out, "");
    return out;
  }

  private void addNew(List<KeyValue<String, V>> out, String prefix) {
    for (Map.Entry<String, Deferred<V>> e : deferred.entrySet()) {
      if (e.getValue().stored == null && e.getKey().startsWith(prefix)) {
        out.add(KeyValue.pair(e.getKey(), e.getValue().latest));
      }
    }
  }

  /** Forgets the deferred versions, from the published ones too: the task is closing. */
  void close() {
    for (Iterator<String> it = deferred.keySet().iterator(); it.hasNext(); ) {
      published.remove(it.next());
      it.remove();
    }
  }

  private KeyValue<String, V> latest(KeyValue<String, V> kv) {
    Deferred<V> d = deferred.get(kv.key);
    return d == null ? kv : KeyValue.pair(kv.key, d.latest);
  }

  private void defer(String key, V stored, V latest) {
    deferred.put(key, new Deferred<>(stored, latest));
    published.put(key, latest);
  }

  private void write(String key, V latest) {
    store.put(key, latest);
    if (deferred.remove(key) != null) {
      published.remove(key);
    }
  }
}
