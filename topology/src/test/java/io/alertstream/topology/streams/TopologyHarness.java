package io.alertstream.topology.streams;

import io.alertstream.schemas.AlertBatch;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.DeliveryOutcomeBatch;
import io.alertstream.schemas.DeliveryOutcomes;
import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.Matcher;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.SilenceAction;
import io.alertstream.schemas.SilenceEvent;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AvroSerdes;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.InMemorySchemaRegistryClient;
import io.alertstream.topology.tenancy.FallbackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The topology in a test driver with a controllable wall clock, starting at {@link #T0}. Time is
 * advanced in steps of the topology's tick, as it runs in production.
 */
final class TopologyHarness implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  static final TopologySettings DEFAULTS =
      TopologySettings.defaults("http://alertstream:9093", FallbackConfig.DEFAULT);
  final TopologySettings settings;
  final AvroSerdes serdes = new AvroSerdes(new InMemorySchemaRegistryClient());
  final TopologyTestDriver driver;

  /** What the topology holds in memory, not yet written: read as the API reads it. */
  final UnwrittenState unwritten = new UnwrittenState();

  final TestInputTopic<byte[], byte[]> rawAlerts;
  final TestInputTopic<String, AlertEvent> alerts;
  final TestInputTopic<String, AlertBatch> batches;
  final TestInputTopic<String, TenantConfig> configs;
  final TestInputTopic<String, SilenceEvent> silences;
  final TestOutputTopic<byte[], byte[]> dlq;
  final TestInputTopic<String, DeliveryOutcome> outcomes;

  /** The decisions topic, as JSON text. */
  final TestOutputTopic<String, String> decisions;

  private final Map<String, TestOutputTopic<String, Notification>> notifications =
      new java.util.HashMap<>();
  private long configVersion;
  private long clockMs = T0.toEpochMilli();

  TopologyHarness(Path stateDir) {
    this(stateDir, DEFAULTS);
  }

  TopologyHarness(Path stateDir, TopologySettings settings) {
    this.settings = settings;
    driver =
        new TopologyTestDriver(
            AlertstreamTopology.build(settings, serdes, InputEnds.UNKNOWN, unwritten),
            StreamsSettings.properties("unused:9092", stateDir, 1),
            T0);
    rawAlerts =
        driver.createInputTopic(
            settings.alertsTopic(), new ByteArraySerializer(), new ByteArraySerializer());
    alerts =
        driver.createInputTopic(
            settings.alertsTopic(),
            new StringSerializer(),
            new AvroSerializer<>(serdes.registry()));
    batches =
        driver.createInputTopic(
            settings.alertsTopic(),
            new StringSerializer(),
            AvroSerializer.recordNamed(serdes.registry()));
    configs =
        driver.createInputTopic(
            settings.configsTopic(),
            new StringSerializer(),
            new AvroSerializer<>(serdes.registry()));
    silences =
        driver.createInputTopic(
            settings.silencesTopic(),
            new StringSerializer(),
            new AvroSerializer<>(serdes.registry()));
    outcomes =
        driver.createInputTopic(
            settings.outcomesTopic(),
            new StringSerializer(),
            new AvroSerializer<>(serdes.registry()));
    decisions =
        driver.createOutputTopic(
            settings.decisionsTopic(), new StringDeserializer(), new StringDeserializer());
    dlq =
        driver.createOutputTopic(
            settings.alertsDlqTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    for (String type : TopologySettings.INTEGRATION_TYPES) {
      notifications.put(
          type,
          driver.createOutputTopic(
              settings.notificationsTopic(type),
              new StringDeserializer(),
              serdes.forValue(Notification.class).deserializer()));
    }
  }

  /** Seconds since T0 on the test's wall clock. */
  double now() {
    return (clockMs - T0.toEpochMilli()) / 1000.0;
  }

  /** Moves the wall clock to {@code seconds} after T0, ticking as the topology does. */
  void advanceTo(double seconds) {
    long target = T0.toEpochMilli() + Math.round(seconds * 1000);
    while (clockMs < target) {
      long step = Math.min(TenantStateProcessor.TICK.toMillis(), target - clockMs);
      driver.advanceWallClockTime(Duration.ofMillis(step));
      clockMs += step;
    }
  }

  void config(String tenant, String yaml) {
    config(tenant, yaml, List.of());
  }

  /** A config whose {@code alertstream.resolved_after_silence} names these receivers. */
  void config(String tenant, String yaml, List<String> resolvedAfterSilence) {
    configs.pipeInput(
        tenant,
        TenantConfig.newBuilder()
            .setTenant(tenant)
            .setVersion(++configVersion)
            .setAlertmanagerConfig(yaml)
            .setUpdatedAt(T0)
            .setResolvedAfterSilence(resolvedAfterSilence)
            .build());
  }

  /** Creates a silence until resolved. */
  void silenceUntilResolved(String tenant, String id, double startsAt, double endsAt, Matcher m) {
    silences.pipeInput(
        tenant,
        SilenceEvent.newBuilder()
            .setAction(SilenceAction.CREATE)
            .setId(id)
            .setMatchers(List.of(m))
            .setStartsAt(at(startsAt))
            .setEndsAt(at(endsAt))
            .setUpdatedAt(at(now()))
            .setUntilResolved(true)
            .build());
  }

  /** The silence as the topology holds it now. */
  io.alertstream.topology.silences.Silence storedSilence(String tenant, String id) {
    org.apache.kafka.streams.state.KeyValueStore<String, io.alertstream.topology.silences.Silence>
        store = driver.getKeyValueStore(AlertstreamTopology.SILENCE_STORE);
    return store.get(tenant + '\u0000' + id);
  }

  /** The tenant's notification history, as the API reads it. */
  List<io.alertstream.topology.history.NotificationRecord> history(String tenant) {
    org.apache.kafka.streams.state.KeyValueStore<
            String, io.alertstream.topology.history.NotificationRecord>
        store = driver.getKeyValueStore(AlertstreamTopology.HISTORY_STORE);
    List<Map.Entry<String, io.alertstream.topology.history.NotificationRecord>> stored =
        new java.util.ArrayList<>();
    try (var it = store.prefixScan(tenant + '\u0000', new StringSerializer())) {
      it.forEachRemaining(kv -> stored.add(Map.entry(kv.key, kv.value)));
    }
    return unwritten.history(tenant, stored);
  }

  private <V> List<V> scan(String store, String prefix) {
    return scan(store, prefix, (key, stored) -> stored);
  }

  /** As the API reads a store: each entry over its version not written yet. */
  private <V> List<V> scan(
      String store, String prefix, java.util.function.BiFunction<String, V, V> latest) {
    org.apache.kafka.streams.state.KeyValueStore<String, V> kv = driver.getKeyValueStore(store);
    List<V> out = new java.util.ArrayList<>();
    try (var it = kv.prefixScan(prefix + '\u0000', new StringSerializer())) {
      it.forEachRemaining(e -> out.add(latest.apply(e.key, e.value)));
    }
    return out;
  }

  /** Why the alert with these labels did or did not notify, from the topology's stores. */
  io.alertstream.topology.explain.Explanation explain(
      String tenant, Map<String, String> labels, String configYaml) throws Exception {
    String fingerprint = io.alertstream.topology.alerts.Fingerprint.of(labels);
    return io.alertstream.topology.explain.Explanation.of(
        fingerprint,
        new io.alertstream.topology.explain.Explanation.Inputs(
            new io.alertstream.config.ConfigParser().parse(configYaml),
            configVersion,
            scan(AlertstreamTopology.ALERT_STORE, tenant, unwritten::alert),
            scan(AlertstreamTopology.SILENCE_STORE, tenant),
            scan(AlertstreamTopology.GROUP_STORE, tenant),
            scan(AlertstreamTopology.DECISION_STORE, tenant + '\u0000' + fingerprint),
            history(tenant),
            clockMs));
  }

  void post(String tenant, AlertEvent alert) {
    alerts.pipeInput(tenant, alert);
  }

  /** Posts the alerts in one record, as the API does. */
  void postBatch(String tenant, AlertEvent... alerts) {
    batches.pipeInput(tenant, new AlertBatch(List.of(alerts)));
  }

  void silence(
      String tenant,
      String id,
      SilenceAction action,
      double startsAt,
      double endsAt,
      Matcher... matchers) {
    silences.pipeInput(
        tenant,
        SilenceEvent.newBuilder()
            .setAction(action)
            .setId(id)
            .setMatchers(List.of(matchers))
            .setStartsAt(at(startsAt))
            .setEndsAt(at(endsAt))
            .setUpdatedAt(at(now()))
            .build());
  }

  /** Writes bytes to the outcomes topic, as a producer that is not a connector might. */
  void rawOutcome(String tenant, byte[] value) {
    driver
        .createInputTopic(
            settings.outcomesTopic(), new StringSerializer(), new ByteArraySerializer())
        .pipeInput(tenant, value);
  }

  /** Reports what a connector made of a notification, as the connectors do. */
  void outcome(Notification n, DeliveryResult result, String reason, int attempts) {
    outcomes.pipeInput(
        n.getTenant(), DeliveryOutcomes.of(n, result, reason, attempts, at(now()), at(now())));
  }

  /**
   * Reports the outcomes of several notifications of one tenant in one record, as sink tasks do.
   */
  void outcomes(DeliveryResult result, Notification... sent) {
    List<DeliveryOutcome> outcomes = new ArrayList<>();
    for (Notification n : sent) {
      outcomes.add(DeliveryOutcomes.of(n, result, "", 1, at(now()), at(now())));
    }
    driver
        .createInputTopic(
            settings.outcomesTopic(),
            new StringSerializer(),
            AvroSerializer.<DeliveryOutcomeBatch>recordNamed(serdes.registry()))
        .pipeInput(sent[0].getTenant(), new DeliveryOutcomeBatch(outcomes));
  }

  /** A notification and the wall-clock second it was emitted at. */
  record Sent(double at, Notification notification) {}

  /** What was emitted for an integration type since the last call. */
  List<Sent> sent(String type) {
    List<Sent> out = new ArrayList<>();
    for (TestRecord<String, Notification> r : notifications.get(type).readRecordsToList()) {
      out.add(new Sent((r.timestamp() - T0.toEpochMilli()) / 1000.0, r.value()));
    }
    return out;
  }

  List<Sent> webhooks() {
    return sent("webhook");
  }

  static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  static AlertEvent alert(Map<String, String> labels) {
    return AlertEvent.newBuilder().setLabels(labels).build();
  }

  static AlertEvent alert(Map<String, String> labels, double startsAt, Double endsAt) {
    return AlertEvent.newBuilder()
        .setLabels(labels)
        .setStartsAt(at(startsAt))
        .setEndsAt(endsAt == null ? null : at(endsAt))
        .build();
  }

  static Matcher equal(String name, String value) {
    return new Matcher(name, value, false, true);
  }

  @Override
  public void close() {
    driver.close();
  }
}
