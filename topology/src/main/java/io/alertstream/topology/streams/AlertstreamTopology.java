package io.alertstream.topology.streams;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.AvroSerdes;
import io.alertstream.topology.dispatch.ImmediateDispatch;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the Streams topology. Alerts, configs and (later) silences are keyed by tenant and
 * co-partitioned, so one task holds a tenant's whole state.
 *
 * <pre>
 * alerts ─► intake ─┬─► dispatch ─► notifications-webhook
 *                   └─► alerts-dlq
 * configs ─► tenant-configs store (read by dispatch)
 * </pre>
 */
public final class AlertstreamTopology {

  public static final String TENANT_CONFIG_STORE = "tenant-configs";

  private AlertstreamTopology() {}

  public static Topology build(TopologySettings settings, AvroSerdes serdes) {
    Serde<String> tenants = Serdes.String();
    Serde<TenantConfig> configSerde = serdes.forValue(TenantConfig.class);
    Serde<Notification> notificationSerde = serdes.forValue(Notification.class);
    var alertDeserializer = new AvroDeserializer<>(AlertEvent.class, serdes.registry());

    Topology topology = new Topology();
    topology.addSource(
        "alerts", new ByteArrayDeserializer(), new ByteArrayDeserializer(), settings.alertsTopic());
    topology.addProcessor(
        "intake",
        () -> new AlertIntakeProcessor(alertDeserializer, "dispatch", "alerts-dlq"),
        "alerts");
    topology.addSink(
        "alerts-dlq",
        settings.alertsDlqTopic(),
        new ByteArraySerializer(),
        new ByteArraySerializer(),
        "intake");

    topology.addSource(
        "configs", tenants.deserializer(), configSerde.deserializer(), settings.configsTopic());
    topology.addProcessor(
        "tenant-config", () -> new TenantConfigProcessor(TENANT_CONFIG_STORE), "configs");

    var dispatch = new ImmediateDispatch(settings.externalUrl());
    topology.addProcessor(
        "dispatch",
        () -> new DispatchProcessor(TENANT_CONFIG_STORE, dispatch, settings.fallbackConfig()),
        "intake");
    topology.addSink(
        "webhook-notifications",
        settings.webhookNotificationsTopic(),
        tenants.serializer(),
        notificationSerde.serializer(),
        "dispatch");

    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(TENANT_CONFIG_STORE), tenants, configSerde),
        "tenant-config",
        "dispatch");
    return topology;
  }
}
