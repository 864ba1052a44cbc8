package io.alertstream.topology.streams;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.SilenceEvent;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AlertRecords;
import io.alertstream.schemas.serde.AvroSerdes;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.OutcomeRecords;
import io.alertstream.topology.explain.Decision;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.history.NotificationRecord;
import io.alertstream.topology.nflog.NotificationLogEntry;
import io.alertstream.topology.silences.Silence;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the Streams topology. Alerts, configs and silences are keyed by tenant and co-partitioned,
 * so one task holds a tenant's whole state.
 *
 * <pre>
 * alerts ───► intake ─┬─► tenant-state ─┬─► notifications-{webhook,email,pagerduty,slack}
 *                     └─► alerts-dlq    ▲   └─► decisions
 * configs ──► as ConfigChanged ─────────┤   stores: configs, alerts, groups, timers,
 * silences ─► as SilenceChanged ────────┤           notification log, silences, history,
 * outcomes ─► as OutcomeReported ───────┘           decisions
 * </pre>
 */
public final class AlertstreamTopology {

  public static final String TENANT_CONFIG_STORE = TenantState.CONFIGS;
  public static final String ALERT_STORE = TenantState.ALERTS;
  public static final String SILENCE_STORE = TenantState.SILENCES;
  public static final String HISTORY_STORE = TenantState.HISTORY;
  public static final String DECISION_STORE = TenantState.DECISIONS;
  public static final String GROUP_STORE = TenantState.GROUPS;
  public static final String NOTIFICATION_LOG_STORE = TenantState.NOTIFICATION_LOG;

  /** Every state store of the topology. */
  public static final java.util.List<String> STORES =
      java.util.List.of(
          TENANT_CONFIG_STORE,
          ALERT_STORE,
          GROUP_STORE,
          NOTIFICATION_LOG_STORE,
          SILENCE_STORE,
          HISTORY_STORE,
          DECISION_STORE);

  /** The earliest due time of the groups in a group store, {@code Long.MAX_VALUE} if none. */
  public static long earliestDue(ReadOnlyKeyValueStore<String, GroupState> groups) {
    long earliest = Long.MAX_VALUE;
    try (var it = groups.all()) {
      while (it.hasNext()) {
        earliest = Math.min(earliest, it.next().value.nextFlushAt());
      }
    }
    return earliest;
  }

  static final String DECISIONS_SINK = "decisions";

  /** Alerts over their tenant's limits, dead-lettered by the tenant state (its keys are text). */
  static final String OVER_LIMIT_SINK = "alerts-over-limit";

  /** The key of a tenant's entry in the alert and silence stores. */
  public static String stateKey(String tenant, String id) {
    return TenantState.key(tenant, id);
  }

  private static final String TENANT_STATE = "tenant-state";

  private AlertstreamTopology() {}

  static String notificationSink(String integrationType) {
    return "notifications-" + integrationType;
  }

  /** For runs whose stores the API does not read (replays, what-if, tests). */
  public static Topology build(TopologySettings settings, AvroSerdes serdes) {
    return build(settings, serdes, InputEnds.UNKNOWN, new UnwrittenState());
  }

  /**
   * With {@code inputEnds} attached to the instance that runs it, once that exists, and {@code
   * unwritten} shared with the instance's API.
   */
  public static Topology build(
      TopologySettings settings, AvroSerdes serdes, InputEnds inputEnds, UnwrittenState unwritten) {
    Serde<String> tenants = Serdes.String();
    var alertRecords = new AlertRecords(serdes.registry());
    Serde<Notification> notificationSerde = serdes.forValue(Notification.class);

    Topology topology = new Topology();
    topology.addSource(
        "alerts", new ByteArrayDeserializer(), new ByteArrayDeserializer(), settings.alertsTopic());
    topology.addProcessor(
        "intake",
        () ->
            new AlertIntakeProcessor(
                alertRecords,
                new AvroSerializer<AlertEvent>(serdes.registry()),
                settings.alertsTopic(),
                TENANT_STATE,
                "alerts-dlq",
                settings.metrics()),
        "alerts");
    topology.addSink(
        "alerts-dlq",
        settings.alertsDlqTopic(),
        new ByteArraySerializer(),
        new ByteArraySerializer(),
        "intake");

    topology.addSource(
        "configs",
        tenants.deserializer(),
        serdes.forValue(TenantConfig.class).deserializer(),
        settings.configsTopic());
    topology.addProcessor(
        "config-changes", () -> new Wrap<TenantConfig>(TenantInput.ConfigChanged::new), "configs");
    topology.addSource(
        "silences",
        tenants.deserializer(),
        serdes.forValue(SilenceEvent.class).deserializer(),
        settings.silencesTopic());
    topology.addProcessor(
        "silence-changes",
        () -> new Wrap<SilenceEvent>(TenantInput.SilenceChanged::new),
        "silences");

    // Single outcomes and batches of them (OutcomeRecords), passed on one by one.
    topology.addSource(
        "outcomes",
        tenants.deserializer(),
        new OutcomeRecords(serdes.registry()),
        settings.outcomesTopic());
    topology.addProcessor("outcome-reports", EachOutcome::new, "outcomes");

    topology.addProcessor(
        TENANT_STATE,
        () -> new TenantStateProcessor(settings, inputEnds, unwritten),
        "intake",
        "config-changes",
        "silence-changes",
        "outcome-reports");
    for (String type : TopologySettings.INTEGRATION_TYPES) {
      topology.addSink(
          notificationSink(type),
          settings.notificationsTopic(type),
          tenants.serializer(),
          notificationSerde.serializer(),
          TENANT_STATE);
    }
    topology.addSink(
        OVER_LIMIT_SINK,
        settings.alertsDlqTopic(),
        tenants.serializer(),
        new ByteArraySerializer(),
        TENANT_STATE);

    topology.addStateStore(
        store(TenantState.CONFIGS, serdes.forValue(TenantConfig.class)), TENANT_STATE);
    // Every incoming alert reads and writes its alert and reads its groups: a record cache in
    // front of RocksDB serves those reads and folds repeated writes within a commit interval.
    topology.addStateStore(
        store(TenantState.ALERTS, BinaryStateSerdes.ALERT).withCachingEnabled(), TENANT_STATE);
    // Groups are not stored on Kafka: a starting task rebuilds them from its alerts, as a config
    // reload does, and the notification log keeps the rebuilt groups from notifying twice.
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(TenantState.GROUPS),
                Serdes.String(),
                BinaryStateSerdes.GROUP)
            .withLoggingDisabled(),
        TENANT_STATE);
    topology.addStateStore(
        store(TenantState.NOTIFICATION_LOG, new JsonSerde<>(NotificationLogEntry.class)),
        TENANT_STATE);
    topology.addStateStore(
        store(TenantState.SILENCES, new JsonSerde<>(Silence.class)), TENANT_STATE);
    topology.addStateStore(
        store(TenantState.HISTORY, new JsonSerde<>(NotificationRecord.class)), TENANT_STATE);
    topology.addSink(
        DECISIONS_SINK,
        settings.decisionsTopic(),
        tenants.serializer(),
        new JsonSerde<>(Decision.class).serializer(),
        TENANT_STATE);
    topology.addStateStore(
        store(TenantState.DECISIONS, new JsonSerde<>(Decision.class)), TENANT_STATE);
    return topology;
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), values);
  }

  /** Passes each outcome of a record on as the tenant state's input. */
  private static final class EachOutcome
      implements Processor<String, List<DeliveryOutcome>, String, TenantInput> {

    private ProcessorContext<String, TenantInput> context;

    @Override
    public void init(ProcessorContext<String, TenantInput> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, List<DeliveryOutcome>> record) {
      if (record.key() != null) {
        for (DeliveryOutcome outcome : record.value()) {
          context.forward(record.withValue(new TenantInput.OutcomeReported(outcome)));
        }
      }
    }
  }

  /** Passes a record on as the tenant state's input of its kind. */
  private static final class Wrap<V> implements Processor<String, V, String, TenantInput> {

    private final Function<V, TenantInput> wrapper;
    private ProcessorContext<String, TenantInput> context;

    Wrap(Function<V, TenantInput> wrapper) {
      this.wrapper = wrapper;
    }

    @Override
    public void init(ProcessorContext<String, TenantInput> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
      if (record.key() != null) {
        context.forward(record.withValue(wrapper.apply(record.value())));
      }
    }
  }
}
