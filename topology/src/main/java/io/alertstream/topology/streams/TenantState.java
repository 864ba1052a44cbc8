package io.alertstream.topology.streams;

import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.Fingerprint;
import io.alertstream.topology.alerts.UnchangedResend;
import io.alertstream.topology.explain.Decision;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.history.NotificationRecord;
import io.alertstream.topology.nflog.NotificationLogEntry;
import io.alertstream.topology.silences.Silence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stores one task keeps for its tenants, keyed {@code <tenant> NUL <id>} so that a tenant's
 * entries are one prefix scan away. All but the groups are changelogged; the groups and their
 * due-time index ({@link DueIndex}) are kept in memory, and so are the alert and
 * notification-record versions whose writes are deferred ({@link DeferringStore}, one policy per
 * store below).
 */
public final class TenantState {

  static final String CONFIGS = "tenant-configs";
  static final String ALERTS = "alerts";
  static final String GROUPS = "aggregation-groups";
  static final String NOTIFICATION_LOG = "notification-log";
  static final String SILENCES = "silences";
  static final String HISTORY = "notification-history";
  static final String DECISIONS = "decisions";
  static final List<String> ALL =
      List.of(CONFIGS, ALERTS, GROUPS, NOTIFICATION_LOG, SILENCES, HISTORY, DECISIONS);

  final KeyValueStore<String, TenantConfig> configs;

  /** Alerts; a re-send that only moves the end is written late ({@link UnchangedResend}). */
  final DeferringStore<Alert> alerts;

  /**
   * Groups, in memory only: a starting task rebuilds them from its alerts ({@code
   * TenantStateProcessor.init}).
   */
  final KeyValueStore<String, GroupState> groups;

  /** The groups' next flushes. */
  private final DueIndex timers = new DueIndex();

  /** The notification log; a confirmation is written late ({@link #CONFIRMATIONS}). */
  final DeferringStore<NotificationLogEntry> notificationLog;

  final KeyValueStore<String, Silence> silences;

  /** Notification records; written once the outcome is in ({@link #OUTCOME_WAITS}). */
  final DeferringStore<NotificationRecord> history;

  final KeyValueStore<String, Decision> decisions;

  /** Re-sent alerts, written late ({@link UnchangedResend}). */
  static final DeferringStore.Policy<Alert> RESENDS =
      new DeferringStore.Policy<>() {
        @Override
        public boolean deferrable(Alert stored, Alert latest, long now) {
          return UnchangedResend.deferrable(stored, latest, now);
        }

        @Override
        public boolean writeDue(Alert stored, Alert latest, long now) {
          return UnchangedResend.writeDue(stored, now);
        }
      };

  /** How long a notification's record waits in memory for the connector's outcome. */
  static final long OUTCOME_WAIT_MS = 30_000;

  /**
   * A notification's record is written once, with the connector's outcome, if that comes within
   * {@link #OUTCOME_WAIT_MS}; otherwise it is written pending then, and again with the outcome. A
   * crash loses the records waiting in memory; an outcome that finds none rebuilds it from the
   * notification log ({@code NotificationRecord.recovered}).
   */
  static final DeferringStore.Policy<NotificationRecord> OUTCOME_WAITS =
      new DeferringStore.Policy<>() {
        @Override
        public boolean deferrable(NotificationRecord stored, NotificationRecord latest, long now) {
          return stored == null && latest.awaitsOutcome();
        }

        @Override
        public boolean writeDue(NotificationRecord stored, NotificationRecord latest, long now) {
          return latest.createdAt() + OUTCOME_WAIT_MS <= now;
        }
      };

  /**
   * A log entry is written when a flush makes a notification (pending: it keeps a restarted or
   * moved task from making it again); the outcome that confirms it is kept in memory and written
   * with the entry's next change. A restarted task may therefore find a delivered notification
   * still pending: the log says the same as it would confirmed (what was told, and when), and the
   * group keeps its resolved alerts until they are collected, instead of letting them go at once.
   */
  static final DeferringStore.Policy<NotificationLogEntry> CONFIRMATIONS =
      new DeferringStore.Policy<>() {
        @Override
        public boolean deferrable(
            NotificationLogEntry stored, NotificationLogEntry latest, long now) {
          return stored != null && stored.pending() != null && stored.saysTheSameAs(latest);
        }

        @Override
        public boolean writeDue(
            NotificationLogEntry stored, NotificationLogEntry latest, long now) {
          return false;
        }
      };

  /**
   * The alert store as a task starting at {@code now} holds it: each stored firing alert extended
   * as far as a re-send whose write was deferred, and lost with the last run, could have reached.
   */
  static DeferringStore<Alert> alertStore(
      KeyValueStore<String, Alert> store, UnwrittenState unwritten, long now) {
    DeferringStore<Alert> alerts = new DeferringStore<>(store, unwritten.alerts(), RESENDS);
    alerts.restore(stored -> UnchangedResend.restored(stored, now));
    return alerts;
  }

  TenantState(ProcessorContext<?, ?> context, UnwrittenState unwritten) {
    long now = context.currentSystemTimeMs();
    configs = context.getStateStore(CONFIGS);
    alerts = alertStore(context.getStateStore(ALERTS), unwritten, now);
    groups = context.getStateStore(GROUPS);
    notificationLog =
        new DeferringStore<>(
            context.getStateStore(NOTIFICATION_LOG), new HashMap<>(), CONFIRMATIONS);
    silences = context.getStateStore(SILENCES);
    history =
        new DeferringStore<>(context.getStateStore(HISTORY), unwritten.history(), OUTCOME_WAITS);
    decisions = context.getStateStore(DECISIONS);
    List<String> left = new ArrayList<>();
    try (KeyValueIterator<String, GroupState> it = groups.all()) {
      it.forEachRemaining(kv -> left.add(kv.key)); // none, unless the task was not closed
    }
    left.forEach(groups::delete);
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

  /** Keeps a group and moves its timer from {@code previousDue} (or none, if negative). */
  void putGroup(String groupStateKey, GroupState group, long previousDue) {
    groups.put(groupStateKey, group);
    if (previousDue != group.nextFlushAt()) {
      if (previousDue >= 0) {
        timers.remove(previousDue, groupStateKey);
      }
      timers.add(group.nextFlushAt(), groupStateKey);
    }
  }

  void deleteGroup(String groupStateKey, GroupState group) {
    groups.delete(groupStateKey);
    timers.remove(group.nextFlushAt(), groupStateKey);
  }

  /** Takes the group's timer: it is flushed now, before its turn. */
  void takeTimer(String groupStateKey, GroupState group) {
    timers.remove(group.nextFlushAt(), groupStateKey);
  }

  /** False when no timer is due at or before {@code upTo}. */
  boolean mayHaveDue(long upTo) {
    return upTo >= timers.earliest();
  }

  /** When the earliest group is due, {@code Long.MAX_VALUE} when none waits. */
  long earliestDue() {
    return timers.earliest();
  }

  /**
   * Takes the timers due at or before {@code upTo}, oldest first (at most {@code max}): the caller
   * flushes their groups, which writes each one that goes on with its new timer.
   */
  List<DueIndex.Due> dueTimers(long upTo, int max) {
    return timers.take(upTo, max);
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
