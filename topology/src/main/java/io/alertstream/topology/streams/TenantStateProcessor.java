package io.alertstream.topology.streams;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.inhibition.InhibitRule;
import io.alertstream.config.receivers.Integration;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.config.routing.Route;
import io.alertstream.config.tenant.ParsedConfigs;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.SilenceEvent;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.AlertQuota;
import io.alertstream.topology.explain.Decision;
import io.alertstream.topology.grouping.FlushContext;
import io.alertstream.topology.grouping.FlushDelays;
import io.alertstream.topology.grouping.FlushResult;
import io.alertstream.topology.grouping.GroupFlush;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.grouping.NotificationLogKey;
import io.alertstream.topology.grouping.ReceiptWatermark;
import io.alertstream.topology.grouping.RouteIndex;
import io.alertstream.topology.history.NotificationRecord;
import io.alertstream.topology.inhibition.InhibitionSources;
import io.alertstream.topology.inhibition.Inhibitor;
import io.alertstream.topology.metrics.AlertMarks;
import io.alertstream.topology.nflog.NotificationLogEntry;
import io.alertstream.topology.silences.Silence;
import io.alertstream.topology.silences.SilenceSet;
import io.alertstream.topology.silences.UntilResolved;
import io.alertstream.topology.silences.UntilResolvedWatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alertmanager's dispatcher for the tenants of one task: takes alerts, configs and silences in;
 * flushes the aggregation groups that are due, as far as {@link ReceiptWatermark} allows, on a
 * wall-clock tick (and a due group before an alert received after it was due joins it), and emits
 * their notifications. The decisions are made by plain classes ({@link Alert}, {@link GroupState},
 * {@link GroupFlush}); this class moves state between them and the stores.
 */
final class TenantStateProcessor
    implements Processor<String, TenantInput, String, Object>, TenantInput.Handler {

  private static final Logger LOG = LoggerFactory.getLogger(TenantStateProcessor.class);
  static final Duration TICK = Duration.ofMillis(25);
  static final Duration MAINTENANCE = Duration.ofMinutes(15);
  private static final int MAX_FLUSHES_PER_TICK = 10_000;
  private static final long SILENCE_RETENTION_MS = Duration.ofHours(120).toMillis();
  private static final long HISTORY_RETENTION_MS = Duration.ofHours(24).toMillis();

  /**
   * How long a resolved alert is kept. Groups read their alerts from the store when they flush, so
   * this must exceed any group_interval: a group flushes a resolution within one interval.
   */
  static final long RESOLVED_ALERT_RETENTION_MS = Duration.ofHours(1).toMillis();

  private final TopologySettings settings;
  private final Map<String, TenantRuntime> runtimes = new HashMap<>();

  /**
   * The fallback config's runtime (config version 0), and the fallback version it was made from.
   */
  private TenantRuntime fallback;

  private long fallbackBuiltFrom;

  /** The fallback version this task's tenants without a config are grouped under. */
  private long groupedFallbackVersion;

  private final InhibitionSources inhibitionSources = new InhibitionSources();
  private final ReceiptWatermark watermark = new ReceiptWatermark();
  private final InputEnds inputEnds;
  private final UntilResolved untilResolved;
  private final TenantAlertUsage usage = new TenantAlertUsage();
  private final UnwrittenState unwritten;

  /** When to check which tenant's silences until resolved; null until first looked at. */
  private UntilResolvedWatch watch;

  private TopicPartition alertsPartition;

  /** The tick scheduled for when the earliest group is due, and that time; none while idle. */
  private Cancellable tickSchedule;

  private long tickAt;

  private ProcessorContext<String, Object> context;
  private AlertMarks marks = AlertMarks.NONE;
  private int decisionSeq;

  /** A notification was emitted since the last commit request. */
  private boolean emitted;

  private TenantState state;

  /**
   * A tenant's parsed config with its route ids, and the receivers its {@code
   * alertstream.resolved_after_silence} names.
   */
  private record TenantRuntime(
      long version,
      AlertmanagerConfig config,
      RouteIndex routes,
      Set<String> resolvedAfterSilence) {}

  TenantStateProcessor(TopologySettings settings, InputEnds inputEnds, UnwrittenState unwritten) {
    this.settings = settings;
    this.inputEnds = inputEnds;
    this.unwritten = unwritten;
    this.untilResolved = new UntilResolved(settings.untilResolvedGrace());
  }

  /** How often silences until resolved are checked: within the grace, at most every 10 s. */
  static Duration untilResolvedCheck(Duration grace) {
    Duration atMost = Duration.ofSeconds(10);
    Duration atLeast = Duration.ofSeconds(1);
    return grace.compareTo(atMost) > 0 ? atMost : grace.compareTo(atLeast) < 0 ? atLeast : grace;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.state = new TenantState(context, unwritten);
    this.alertsPartition = new TopicPartition(settings.alertsTopic(), context.taskId().partition());
    inhibitionSources.clear();
    groupedFallbackVersion = settings.fallback().version();
    tickSchedule = null;
    tickAt = Long.MAX_VALUE;
    context.schedule(MAINTENANCE, PunctuationType.WALL_CLOCK_TIME, this::collectGarbage);
    context.schedule(
        untilResolvedCheck(settings.untilResolvedGrace()),
        PunctuationType.WALL_CLOCK_TIME,
        this::everyFewSeconds);
    watch = null;
    marks = settings.metrics().openTask();
    long now = context.currentSystemTimeMs();
    Set<String> tenants = new HashSet<>();
    for (KeyValue<String, Alert> kv : state.alerts.all()) {
      tenants.add(TenantState.tenantOf(kv.key));
      marks.received(TenantState.tenantOf(kv.key), kv.value.fingerprint(), kv.value.endsAt());
    }
    // The groups are kept in memory only: they start again from the stored alerts, as after a
    // config reload, and the notification log keeps them from notifying again what they had.
    for (String tenant : tenants) {
      regroup(tenant, now);
    }
    scheduleTick(now);
  }

  @Override
  public void close() {
    settings.metrics().closeTask(marks);
    state.alerts.close();
    state.notificationLog.close();
    state.history.close();
  }

  @Override
  public void process(Record<String, TenantInput> record) {
    if (record.key() != null && record.value() != null) {
      record.value().applyTo(this, record.key());
      scheduleTick(context.currentSystemTimeMs());
    }
  }

  /**
   * Makes the next tick come when the earliest group is due (at least {@link #TICK} from now, so
   * that groups due close together flush in one pass), and no tick while no group waits: a tick
   * makes Kafka Streams commit a transaction, which an idle instance need not do.
   */
  private void scheduleTick(long now) {
    long due = state.earliestDue();
    if (due == Long.MAX_VALUE) {
      return;
    }
    long at = Math.max(due, now + TICK.toMillis());
    if (at >= tickAt) {
      return;
    }
    if (tickSchedule != null) {
      tickSchedule.cancel();
    }
    tickAt = at;
    tickSchedule =
        context.schedule(Duration.ofMillis(at - now), PunctuationType.WALL_CLOCK_TIME, this::tick);
  }

  @Override
  public void alert(String tenant, AlertEvent event, Supplier<byte[]> raw) {
    onAlert(tenant, event, raw, context.currentSystemTimeMs());
  }

  @Override
  public void config(String tenant, TenantConfig config) {
    onConfig(tenant, config, context.currentSystemTimeMs());
  }

  @Override
  public void silence(String tenant, SilenceEvent event) {
    if (event != null) {
      Silence silence = Silence.of(event);
      state.silences.put(TenantState.key(tenant, silence.id()), silence);
      if (silence.untilResolved() && watch != null) {
        watch.silenceChanged(tenant);
      }
    }
  }

  /**
   * Ends the silences until resolved whose alerts have all resolved (see {@link UntilResolved}),
   * looking only at the tenants whose check is due ({@link UntilResolvedWatch}).
   */
  private void endSilencesUntilResolved(long now) {
    if (watch == null) {
      watch = new UntilResolvedWatch();
      try (KeyValueIterator<String, Silence> it = state.silences.all()) {
        it.forEachRemaining(
            kv -> {
              if (UntilResolved.watched(kv.value, now)) {
                watch.silenceChanged(TenantState.tenantOf(kv.key));
              }
            });
      }
    }
    for (String tenant : watch.due(now)) {
      List<Silence> silences =
          new ArrayList<>(
              TenantState.ofTenant(state.silences, tenant).stream().map(kv -> kv.value).toList());
      List<Alert> alerts = state.alerts.ofTenant(tenant).stream().map(kv -> kv.value).toList();
      UntilResolved.Outcome outcome = untilResolved.check(silences, alerts, now);
      for (Silence ending : outcome.ending()) {
        Silence ended = ending.endedByResolution(now);
        state.silences.put(TenantState.key(tenant, ending.id()), ended);
        silences.set(silences.indexOf(ending), ended);
        LOG.info(
            "tenant {}: silence {} ended by itself: every alert it matched has resolved",
            tenant,
            ending.id());
      }
      watch.checked(tenant, silences, outcome.nextCheckAt(), now);
    }
  }

  /**
   * Keeps the connector's outcome with the notification and applies it to the notification log as
   * Alertmanager's pipeline would have: delivered confirms the notification; dead-lettered
   * withdraws it, so that the group's next flush notifies again.
   */
  @Override
  public void outcome(String tenant, DeliveryOutcome outcome) {
    if (outcome == null) {
      return; // a tombstone on the outcomes topic says nothing
    }
    String id = outcome.getNotificationId();
    String historyKey = TenantState.key(tenant, id);
    NotificationRecord held = state.history.get(historyKey);
    int index = outcome.getIntegrationIndex() >= 0 ? outcome.getIntegrationIndex() : -1;
    if (index < 0 && held != null) {
      index = held.index(); // an outcome from a connector older than integrationIndex
    }
    String logKey =
        index < 0
            ? null
            : TenantState.key(
                tenant,
                new NotificationLogKey(
                        outcome.getGroupKey(),
                        outcome.getReceiver(),
                        outcome.getIntegrationType(),
                        index)
                    .encode());
    NotificationLogEntry entry = logKey == null ? null : state.notificationLog.get(logKey);
    Optional<NotificationLogEntry.Sent> sent = entry == null ? Optional.empty() : entry.awaited(id);
    if (held == null && sent.isPresent()) {
      held = NotificationRecord.recovered(outcome, sent.get());
    }
    if (held != null) {
      state.history.put(historyKey, held.withOutcome(outcome), context.currentSystemTimeMs());
    }
    if (sent.isEmpty()) {
      return; // confirmed or forgotten already
    }
    if (outcome.getOutcome() != DeliveryResult.DEAD_LETTERED) {
      NotificationLogEntry confirmed = entry.delivered(id);
      state.notificationLog.put(logKey, confirmed, context.currentSystemTimeMs());
      if (confirmed.pending() == null) {
        settleGroup(tenant, entry.pending().routeId(), outcome.getGroupKey(), sent.get());
      }
      return;
    }
    // The group kept the alerts it carried (GroupFlush): its next flush notifies again.
    NotificationLogEntry after = entry.withdrawn(id);
    if (after == null) {
      state.notificationLog.delete(logKey);
    } else {
      state.notificationLog.put(logKey, after, context.currentSystemTimeMs());
    }
  }

  /**
   * Once every integration's notification about a group is delivered, the resolved alerts it told
   * of leave the group (unless they fired again since), and a group left empty goes away: what
   * Alertmanager does right after a successful notification.
   */
  private void settleGroup(
      String tenant, String routeId, String groupKey, NotificationLogEntry.Sent delivered) {
    String groupStateKey = TenantState.groupStateKey(tenant, routeId, groupKey);
    GroupState group = state.groups.get(groupStateKey);
    if (group == null) {
      return;
    }
    ReceiverConfig receiver = runtime(tenant).config().receiver(group.receiver()).orElse(null);
    if (receiver == null) {
      return;
    }
    for (Integration integration : receiver.integrations()) {
      String key =
          TenantState.key(
              tenant,
              new NotificationLogKey(
                      groupKey, group.receiver(), integration.type(), integration.index())
                  .encode());
      NotificationLogEntry entry = state.notificationLog.get(key);
      if (entry != null && entry.pending() != null) {
        return;
      }
    }
    long now = context.currentSystemTimeMs();
    Set<String> told = new HashSet<>();
    for (String fingerprint : delivered.resolved()) {
      Alert alert = state.alerts.get(TenantState.key(tenant, fingerprint));
      if (alert == null || alert.resolvedAt(now)) {
        told.add(fingerprint);
      }
    }
    GroupState settled = group.without(told);
    if (settled.fingerprints().isEmpty()) {
      state.deleteGroup(groupStateKey, group);
    } else if (settled != group) {
      state.putGroup(groupStateKey, settled, group.nextFlushAt());
    }
  }

  private void onAlert(String tenant, AlertEvent event, Supplier<byte[]> raw, long now) {
    TenantRuntime runtime = runtime(tenant);
    Alert received = Alert.received(event, now, runtime.config().resolveTimeout().toMillis());
    settings.metrics().alertReceived(tenant, !received.resolvedAt(now));
    watermark.read(
        received.updatedAt(), context.recordMetadata().map(m -> m.offset()).orElse(-1L), now);
    String alertKey = TenantState.key(tenant, received.fingerprint());
    Alert stored = state.alerts.get(alertKey);
    if (stored == null) {
      Optional<String> refusal = overLimit(tenant, received);
      if (refusal.isPresent()) {
        settings.metrics().alertInsertLimited(tenant);
        deadLetter(tenant, raw.get(), refusal.get());
        return;
      }
    }
    Alert alert = Alert.put(stored, received, now);
    state.alerts.replace(alertKey, stored, alert, now);
    usage.stored(tenant, stored, alert);
    marks.received(tenant, alert.fingerprint(), alert.endsAt());
    if (watch != null) {
      watch.alertReceived(tenant, alert, now);
    }
    inhibitionSources.update(tenant, runtime.config().inhibitRules(), alert);
    insertIntoGroups(tenant, runtime, alert, true, now);
  }

  /**
   * Why a new alert may not join the tenant's alerts: the tenant's alert limits, applied here too
   * so that a producer writing to the alerts topic directly is held to them as the API's callers
   * are.
   */
  private Optional<String> overLimit(String tenant, Alert alert) {
    TenantLimits limits = settings.limits().forTenant(tenant);
    if (!AlertQuota.enabled(limits)) {
      return Optional.empty();
    }
    TenantAlertUsage.Usage held =
        usage.of(tenant, () -> state.alerts.ofTenant(tenant).stream().map(kv -> kv.value).toList());
    return AlertQuota.refusal(
        limits,
        held.count,
        held.bytes,
        alert.labels(),
        AlertQuota.size(alert.labels(), alert.annotations()));
  }

  /** Sends the record as it was read to the alerts' dead letter topic, with the reason. */
  private void deadLetter(String tenant, byte[] raw, String reason) {
    var source = context.recordMetadata().orElse(null);
    LOG.warn("tenant {}: dead-lettering an alert: {}", tenant, reason);
    RecordHeaders headers = new RecordHeaders();
    DeadLetter.describe(headers, reason, source);
    context.forward(
        new Record<String, Object>(tenant, raw, context.currentSystemTimeMs(), headers),
        AlertstreamTopology.OVER_LIMIT_SINK);
  }

  /**
   * {@code arriving}: the alert was just received, so a group that was due before it flushes
   * without it; false when a reload puts the stored alerts back into new groups, which flush with
   * all of them.
   */
  private void insertIntoGroups(
      String tenant, TenantRuntime runtime, Alert alert, boolean arriving, long now) {
    for (Route route : runtime.config().route().match(alert.labels())) {
      Map<String, String> groupLabels = route.groupLabels(alert.labels());
      String groupKey = route.groupKey(groupLabels);
      String routeId = runtime.routes().id(route);
      String stateKey = TenantState.groupStateKey(tenant, routeId, groupKey);
      long groupWait = route.options().groupWait().toMillis();
      GroupState group = state.groups.get(stateKey);
      if (arriving && group != null && group.nextFlushAt() <= watermark.readUpTo()) {
        // Due before this alert was received: it flushes without it, as Alertmanager's would have.
        state.takeTimer(stateKey, group);
        group = flush(stateKey, group, now, new FlushCaches());
      }
      long previousDue = group == null ? -1 : group.nextFlushAt();
      if (group == null) {
        if (atGroupLimit(tenant)) {
          settings.metrics().groupLimitReached(tenant);
          LOG.warn(
              "tenant {}: alert {} not grouped for receiver {}: the tenant has reached its limit"
                  + " of {} aggregation groups (alertmanager_max_dispatcher_aggregation_groups)",
              tenant,
              alert.fingerprint(),
              route.receiver(),
              settings.limits().forTenant(tenant).maxAggregationGroups());
          continue;
        }
        group =
            GroupState.create(
                routeId, groupKey, groupLabels, route.receiver(), alert.updatedAt(), groupWait);
      }
      // No decision is recorded: explain derives an alert's routes and groups from the config
      // and the group store (one record fewer per alert and group).
      GroupState inserted = group.insert(alert, groupWait);
      if (inserted != group || previousDue < 0) {
        state.putGroup(stateKey, inserted, previousDue);
      }
    }
  }

  private boolean atGroupLimit(String tenant) {
    int max = settings.limits().forTenant(tenant).maxAggregationGroups();
    return max > 0 && TenantState.ofTenant(state.groups, tenant).size() >= max;
  }

  private void onConfig(String tenant, TenantConfig config, long now) {
    TenantConfig current = state.configs.get(tenant);
    if (config == null) {
      state.configs.delete(tenant);
      ParsedConfigs.shared().forget(tenant);
      LOG.info("tenant {}: config deleted, running the fallback config", tenant);
    } else {
      if (current != null && current.getVersion() >= config.getVersion()) {
        return;
      }
      AlertmanagerConfig parsed;
      try {
        parsed =
            ParsedConfigs.shared()
                .parse(tenant, config.getVersion(), config.getAlertmanagerConfig());
      } catch (InvalidConfigException e) {
        settings.metrics().configRefused(tenant);
        LOG.warn(
            "tenant {}: config version {} refused, keeping the last good one: {}",
            tenant,
            config.getVersion(),
            e.getMessage());
        return;
      }
      state.configs.put(tenant, config);
      settings.metrics().configApplied(tenant);
      LOG.info("tenant {}: config version {} applied", tenant, config.getVersion());
    }
    runtimes.remove(tenant);
    inhibitionSources.forget(tenant);
    regroup(tenant, now);
  }

  /** As an Alertmanager reload: groups start again from the stored alerts; the log stays. */
  private void regroup(String tenant, long now) {
    for (KeyValue<String, GroupState> group : TenantState.ofTenant(state.groups, tenant)) {
      state.deleteGroup(group.key, group.value);
    }
    TenantRuntime runtime = runtime(tenant);
    for (KeyValue<String, Alert> alert : state.alerts.ofTenant(tenant)) {
      insertIntoGroups(tenant, runtime, alert.value, false, now);
    }
  }

  private void tick(long now) {
    tickSchedule.cancel();
    tickSchedule = null;
    tickAt = Long.MAX_VALUE;
    if (state.mayHaveDue(now)) {
      flushDueGroups(watermark.flushableUpTo(now, inputEnds.endOffset(alertsPartition)), now);
    }
    if (emitted) {
      // Notifications reach the connectors when the transaction commits: now, not at the end of
      // the commit interval.
      context.commit();
      emitted = false;
    }
    scheduleTick(now);
  }

  /**
   * What is checked every few seconds (at most 10): a fallback config replaced by {@code
   * /-/reload}, the deferred alerts and notification records due to be written, and the silences
   * until resolved.
   */
  private void everyFewSeconds(long now) {
    if (settings.fallback().version() != groupedFallbackVersion) {
      regroupTenantsWithoutConfig(now);
    }
    state.alerts.writeDue(now);
    state.history.writeDue(now);
    endSilencesUntilResolved(now);
    scheduleTick(now);
  }

  /**
   * The fallback config changed ({@code /-/reload}): the tenants of this task that run it are
   * regrouped under it, as a config change regroups a tenant.
   */
  private void regroupTenantsWithoutConfig(long now) {
    groupedFallbackVersion = settings.fallback().version();
    Set<String> tenants = new HashSet<>();
    for (KeyValue<String, Alert> kv : state.alerts.all()) {
      tenants.add(TenantState.tenantOf(kv.key));
    }
    for (String tenant : tenants) {
      if (state.configs.get(tenant) == null) {
        inhibitionSources.forget(tenant);
        regroup(tenant, now);
      }
    }
  }

  /** The runtime of tenants without a config: the fallback config in force. */
  private TenantRuntime fallbackRuntime() {
    long version = settings.fallback().version();
    if (fallback == null || fallbackBuiltFrom != version) {
      AlertmanagerConfig config = settings.fallbackConfig();
      fallback = new TenantRuntime(0, config, new RouteIndex(config.route()), Set.of());
      fallbackBuiltFrom = version;
    }
    return fallback;
  }

  /** Flushes the groups due at or before {@code upTo}. */
  private void flushDueGroups(long upTo, long now) {
    if (!state.mayHaveDue(upTo)) {
      return;
    }
    FlushCaches caches = new FlushCaches();
    for (DueIndex.Due timer : state.dueTimers(upTo, MAX_FLUSHES_PER_TICK)) {
      GroupState group = state.groups.get(timer.groupKey());
      if (group != null && group.nextFlushAt() == timer.at()) {
        flush(timer.groupKey(), group, now, caches);
      }
    }
  }

  /** A tenant's inhibitor and silences, built once for the flushes of one pass. */
  private static final class FlushCaches {
    final Map<String, Inhibitor> inhibitors = new HashMap<>();
    final Map<String, SilenceSet> silences = new HashMap<>();
  }

  /**
   * Flushes one group whose timer has been taken: emits its notifications, writes the log and the
   * group's next timer. Returns the group afterwards, null when it is gone.
   */
  private GroupState flush(String stateKey, GroupState group, long now, FlushCaches caches) {
    FlushDelays.GLOBAL.record(now - group.nextFlushAt());
    String tenant = TenantState.tenantOf(stateKey);
    TenantRuntime runtime = runtime(tenant);
    Route route = runtime.routes().route(group.routeId());
    ReceiverConfig receiver = runtime.config().receiver(group.receiver()).orElse(null);
    if (route == null || receiver == null) {
      state.deleteGroup(stateKey, group);
      return null;
    }
    FlushContext ctx =
        new FlushContext(
            tenant,
            runtime.version(),
            settings.externalUrl(),
            route,
            receiver,
            runtime.config().timeIntervals(),
            caches.inhibitors.computeIfAbsent(tenant, t -> inhibitor(t, runtime, now)),
            caches.silences.computeIfAbsent(tenant, t -> silenceSet(t, now)),
            fingerprint -> state.alerts.get(TenantState.key(tenant, fingerprint)),
            key -> state.notificationLog.get(TenantState.key(tenant, key.encode())),
            runtime.resolvedAfterSilence().contains(receiver.name()));
    FlushResult result = GroupFlush.flush(group, ctx, now);
    for (Map.Entry<NotificationLogKey, NotificationLogEntry> e : result.logUpdates().entrySet()) {
      state.notificationLog.put(TenantState.key(tenant, e.getKey().encode()), e.getValue(), now);
    }
    for (Decision d : result.decisions()) {
      record(tenant, d);
    }
    markFlushed(tenant, group, result);
    for (Notification n : result.notifications()) {
      state.history.put(TenantState.key(tenant, n.getId()), NotificationRecord.emitted(n), now);
      context.forward(
          new Record<>(tenant, n, now),
          AlertstreamTopology.notificationSink(n.getIntegration().getType()));
      emitted = true;
    }
    if (result.group() == null) {
      state.groups.delete(stateKey);
    } else {
      state.putGroup(stateKey, result.group(), -1);
    }
    return result.group();
  }

  /** As Alertmanager's marker: the group's alerts are suppressed (silenced, inhibited) or not. */
  private void markFlushed(String tenant, GroupState group, FlushResult result) {
    if (!marks.keeps()) {
      return;
    }
    Set<String> suppressed = new HashSet<>();
    for (Decision d : result.decisions()) {
      if (Decision.SILENCED.equals(d.kind()) || Decision.INHIBITED.equals(d.kind())) {
        suppressed.add(d.fingerprint());
      }
    }
    for (String fingerprint : group.fingerprints()) {
      marks.flushed(tenant, fingerprint, suppressed.contains(fingerprint));
    }
  }

  /**
   * Keeps a decision for explanations and publishes it on the decisions topic. Notifications make
   * no decision: explain finds them in the history store, the alert history on their topics.
   */
  private void record(String tenant, Decision d) {
    state.decisions.put(TenantState.decisionKey(tenant, d, decisionSeq++), d);
    context.forward(new Record<>(tenant, d, d.at()), AlertstreamTopology.DECISIONS_SINK);
  }

  private Inhibitor inhibitor(String tenant, TenantRuntime runtime, long now) {
    List<InhibitRule> rules = runtime.config().inhibitRules();
    return new Inhibitor(
        rules,
        inhibitionSources.of(
            tenant,
            rules,
            () -> state.alerts.ofTenant(tenant).stream().map(kv -> kv.value).toList()),
        now);
  }

  private SilenceSet silenceSet(String tenant, long now) {
    return new SilenceSet(
        TenantState.ofTenant(state.silences, tenant).stream().map(kv -> kv.value).toList(), now);
  }

  /**
   * Forgets resolved alerts, expired log entries and long-expired silences, as Alertmanager's GC
   * does.
   */
  private void collectGarbage(long now) {
    for (KeyValue<String, Alert> kv : state.alerts.all()) {
      if (kv.value.resolvedAt(now)) {
        state.alerts.delete(kv.key);
        marks.removed(TenantState.tenantOf(kv.key), kv.value.fingerprint());
        usage.removed(TenantState.tenantOf(kv.key), kv.value);
        inhibitionSources.remove(TenantState.tenantOf(kv.key), kv.value.fingerprint());
      }
    }
    for (KeyValue<String, NotificationLogEntry> kv : state.notificationLog.all()) {
      if (kv.value.expiresAt() < now) {
        state.notificationLog.delete(kv.key);
      }
    }
    try (KeyValueIterator<String, Decision> it = state.decisions.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.value.at() + HISTORY_RETENTION_MS < now) {
              state.decisions.delete(kv.key);
            }
          });
    }
    for (KeyValue<String, NotificationRecord> kv : state.history.all()) {
      if (kv.value.createdAt() + HISTORY_RETENTION_MS < now) {
        state.history.delete(kv.key);
      }
    }
    try (KeyValueIterator<String, Silence> it = state.silences.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.value.endsAt() + SILENCE_RETENTION_MS < now) {
              state.silences.delete(kv.key);
            }
          });
    }
  }

  private TenantRuntime runtime(String tenant) {
    TenantConfig stored = state.configs.get(tenant);
    if (stored == null) {
      return fallbackRuntime();
    }
    TenantRuntime cached = runtimes.get(tenant);
    if (cached != null && cached.version() == stored.getVersion()) {
      return cached;
    }
    try {
      AlertmanagerConfig config =
          ParsedConfigs.shared().parse(tenant, stored.getVersion(), stored.getAlertmanagerConfig());
      TenantRuntime runtime =
          new TenantRuntime(
              stored.getVersion(),
              config,
              new RouteIndex(config.route()),
              Set.copyOf(stored.getResolvedAfterSilence()));
      runtimes.put(tenant, runtime);
      return runtime;
    } catch (InvalidConfigException e) {
      // Only validated configs are stored, so this means the parser changed under stored data.
      throw new IllegalStateException(
          "tenant "
              + tenant
              + ": stored config version "
              + stored.getVersion()
              + " no longer parses",
          e);
    }
  }
}
