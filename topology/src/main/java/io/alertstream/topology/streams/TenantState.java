package io.alertstream.topology.streams;

import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.Fingerprint;
import io.alertstream.topology.explain.Decision;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.history.NotificationRecord;
import io.alertstream.topology.nflog.NotificationLogEntry;
import io.alertstream.topology.silences.Silence;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stores one task keeps for its tenants, keyed {@code <tenant> NUL <id>} so that a tenant's
 * entries are one prefix scan away. All of them are changelogged.
 */
public final class TenantState {

  static final String CONFIGS = "tenant-configs";
  static final String ALERTS = "alerts";
  static final String GROUPS = "aggregation-groups";
  static final String TIMERS = "group-timers";
  static final String NOTIFICATION_LOG = "notification-log";
  static final String SILENCES = "silences";
  static final String HISTORY = "notification-history";
  static final String DECISIONS = "decisions";
  static final List<String> ALL =
      List.of(CONFIGS, ALERTS, GROUPS, TIMERS, NOTIFICATION_LOG, SILENCES, HISTORY, DECISIONS);

  private static final byte[] EMPTY = new byte[0];

  final KeyValueStore<String, TenantConfig> configs;
  final KeyValueStore<String, Alert> alerts;
  final KeyValueStore<String, GroupState> groups;
  final KeyValueStore<Bytes, byte[]> timers;
  final KeyValueStore<String, NotificationLogEntry> notificationLog;
  final KeyValueStore<String, Silence> silences;
  final KeyValueStore<String, NotificationRecord> history;
  final KeyValueStore<String, Decision> decisions;

  TenantState(ProcessorContext<?, ?> context) {
    configs = context.getStateStore(CONFIGS);
    alerts = context.getStateStore(ALERTS);
    groups = context.getStateStore(GROUPS);
    timers = context.getStateStore(TIMERS);
    notificationLog = context.getStateStore(NOTIFICATION_LOG);
    silences = context.getStateStore(SILENCES);
    history = context.getStateStore(HISTORY);
    decisions = context.getStateStore(DECISIONS);
  }

  static String key(String tenant, String id) {
    return tenant + '\u0000' + id;
  }

  /** An aggregation group's key: by route, then Alertmanager's group key. */
  static String groupStateKey(String tenant, String routeId, String groupKey) {
    return key(tenant, routeId + '\u0000' + groupKey);
  }

  /** A decision's key: by alert, then in time order. */
  static String decisionKey(String tenant, Decision d, int seq) {
    return key(tenant, d.fingerprint() + '\u0000' + Fingerprint.hex16(d.at()) + '\u0000' + seq);
  }

  /** The tenant of a store key. */
  public static String tenantOf(String key) {
    return key.substring(0, key.indexOf('\u0000'));
  }

  /**
   * Every timer due before this has been taken (and deleted) by {@link #dueTimers}: scans start
   * here, so they do not wade through RocksDB's tombstones of all the timers already taken. A timer
   * written with an earlier due time lowers it.
   */
  private long scanFloor = 0;

  /**
   * No timer is due before this (unknown, so scan, until the first scan): ticks before it skip the
   * store. Every timer written lowers it.
   */
  private long nextDue = Long.MIN_VALUE;

  /** Writes a group and moves its timer from {@code previousDue} (or none, if negative). */
  void putGroup(String groupStateKey, GroupState group, long previousDue) {
    groups.put(groupStateKey, group);
    if (previousDue != group.nextFlushAt()) {
      if (previousDue >= 0) {
        timers.delete(TimerKeys.of(previousDue, groupStateKey));
      }
      timers.put(TimerKeys.of(group.nextFlushAt(), groupStateKey), EMPTY);
      scanFloor = Math.min(scanFloor, group.nextFlushAt());
      nextDue = Math.min(nextDue, group.nextFlushAt());
    }
  }

  void deleteGroup(String groupStateKey, GroupState group) {
    groups.delete(groupStateKey);
    timers.delete(TimerKeys.of(group.nextFlushAt(), groupStateKey));
  }

  /** False when no timer is due at or before {@code upTo}; true when one may be. */
  boolean mayHaveDue(long upTo) {
    return upTo >= nextDue;
  }

  /**
   * The due-time index entries at or before {@code upTo}, oldest first. The caller takes them all:
   * it deletes each one (and writes a new timer for a group that goes on).
   */
  List<Bytes> dueTimers(long upTo, int max) {
    List<Bytes> due = new ArrayList<>();
    nextDue = Long.MAX_VALUE;
    try (KeyValueIterator<Bytes, byte[]> it = timers.range(TimerKeys.from(scanFloor), null)) {
      while (it.hasNext()) {
        Bytes key = it.next().key;
        long at = TimerKeys.dueAt(key);
        if (at > upTo || due.size() == max) {
          nextDue = at;
          break;
        }
        due.add(key);
      }
    }
    scanFloor = due.size() < max ? upTo + 1 : TimerKeys.dueAt(due.get(due.size() - 1));
    return due;
  }

  static <V> List<KeyValue<String, V>> ofTenant(KeyValueStore<String, V> store, String tenant) {
    List<KeyValue<String, V>> out = new ArrayList<>();
    try (KeyValueIterator<String, V> it =
        store.prefixScan(tenant + '\u0000', new StringSerializer())) {
      it.forEachRemaining(out::add);
    }
    return out;
  }
}
