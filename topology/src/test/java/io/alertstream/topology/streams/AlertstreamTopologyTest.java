package io.alertstream.topology.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotificationReason;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AvroSerdes;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.InMemorySchemaRegistryClient;
import io.alertstream.topology.server.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertstreamTopologyTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String CONFIG =
      """
      route:
        receiver: team-x
      receivers:
        - name: team-x
          webhook_configs:
            - url: http://hooks.example.com/a
            - url: http://hooks.example.com/b
              send_resolved: false
      """;

  @TempDir Path stateDir;
  private final TopologySettings settings =
      TopologySettings.defaults("http://alertstream:9093", ServerSettings.DEFAULT_FALLBACK_CONFIG);
  private final AvroSerdes serdes = new AvroSerdes(new InMemorySchemaRegistryClient());
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> rawAlerts;
  private TestInputTopic<String, AlertEvent> alerts;
  private TestInputTopic<String, TenantConfig> configs;
  private TestOutputTopic<String, Notification> notifications;
  private TestOutputTopic<byte[], byte[]> dlq;

  @BeforeEach
  void startDriver() {
    var props = StreamsSettings.properties("unused:9092", stateDir, 1);
    driver = new TopologyTestDriver(AlertstreamTopology.build(settings, serdes), props, NOW);
    rawAlerts =
        driver.createInputTopic(
            settings.alertsTopic(), new ByteArraySerializer(), new ByteArraySerializer());
    alerts =
        driver.createInputTopic(
            settings.alertsTopic(),
            new StringSerializer(),
            new AvroSerializer<>(serdes.registry()));
    configs =
        driver.createInputTopic(
            settings.configsTopic(),
            new StringSerializer(),
            new AvroSerializer<>(serdes.registry()));
    notifications =
        driver.createOutputTopic(
            settings.webhookNotificationsTopic(),
            new StringDeserializer(),
            serdes.forValue(Notification.class).deserializer());
    dlq =
        driver.createOutputTopic(
            settings.alertsDlqTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void aFiringAlertNotifiesEveryWebhookOfTheRootReceiver() {
    configs.pipeInput("acme", config("acme", 3, CONFIG));

    alerts.pipeInput("acme", alert(Map.of("alertname", "DiskFull", "instance", "db-1"), null));

    List<TestRecord<String, Notification>> out = notifications.readRecordsToList();
    assertThat(out).hasSize(2);
    Notification first = out.get(0).value();
    assertThat(out.get(0).key()).isEqualTo("acme");
    assertThat(first.getReceiver()).isEqualTo("team-x");
    assertThat(first.getIntegration().getType()).isEqualTo("webhook");
    assertThat(out.get(1).value().getIntegration().getIndex()).isEqualTo(1);
    assertThat(first.getStatus()).isEqualTo(AlertStatus.FIRING);
    assertThat(first.getReason()).isEqualTo(NotificationReason.FIRST);
    assertThat(first.getConfigVersion()).isEqualTo(3);
    assertThat(first.getGroupKey()).isEqualTo("{}:{}");
    assertThat(first.getExternalURL()).isEqualTo("http://alertstream:9093");
    assertThat(first.getAlerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getLabels()).containsEntry("alertname", "DiskFull");
              assertThat(a.getStartsAt()).isEqualTo(NOW);
              assertThat(a.getEndsAt()).isNull();
              assertThat(a.getFingerprint()).hasSize(16);
            });
    assertThat(first.getId()).isNotEqualTo(out.get(1).value().getId());
    assertThat(first.toString()).doesNotContain("hooks.example.com");
  }

  @Test
  void anAlertIsRoutedThroughTheTreeToEveryReceiverItReaches() {
    configs.pipeInput(
        "acme",
        config(
            "acme",
            1,
            """
            route:
              receiver: default
              group_by: [alertname]
              routes:
                - matchers: ['team="db"']
                  receiver: db
                  continue: true
                - matchers: ['severity="page"']
                  receiver: pager
                  group_by: [alertname, instance]
            receivers:
              - {name: default, webhook_configs: [{url: 'http://h/default'}]}
              - {name: db, webhook_configs: [{url: 'http://h/db'}]}
              - {name: pager, webhook_configs: [{url: 'http://h/pager'}]}
            """));

    alerts.pipeInput(
        "acme",
        alert(
            Map.of("alertname", "Slow", "team", "db", "severity", "page", "instance", "i1"), null));
    alerts.pipeInput("acme", alert(Map.of("alertname", "Other"), null));

    assertThat(notifications.readValuesToList())
        .extracting(Notification::getReceiver, Notification::getGroupKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("db", "{}/{team=\"db\"}:{alertname=\"Slow\"}"),
            org.assertj.core.groups.Tuple.tuple(
                "pager", "{}/{severity=\"page\"}:{alertname=\"Slow\", instance=\"i1\"}"),
            org.assertj.core.groups.Tuple.tuple("default", "{}:{alertname=\"Other\"}"));
  }

  @Test
  void aResolvedAlertSkipsWebhooksWithoutSendResolved() {
    configs.pipeInput("acme", config("acme", 1, CONFIG));

    alerts.pipeInput("acme", alert(Map.of("alertname", "DiskFull"), NOW.minusSeconds(60)));

    List<Notification> out = notifications.readValuesToList();
    assertThat(out)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.getIntegration().getIndex()).isZero();
              assertThat(n.getStatus()).isEqualTo(AlertStatus.RESOLVED);
              assertThat(n.getAlerts().get(0).getEndsAt()).isEqualTo(NOW.minusSeconds(60));
            });
  }

  @Test
  void aTenantWithoutConfigRunsTheFallbackConfig() {
    alerts.pipeInput("nobody", alert(Map.of("alertname", "X"), null));

    assertThat(notifications.isEmpty()).isTrue();
    assertThat(dlq.isEmpty()).isTrue();
  }

  @Test
  void aBrokenConfigLeavesTheLastGoodOneRunning() {
    configs.pipeInput("acme", config("acme", 1, CONFIG));
    configs.pipeInput("acme", config("acme", 2, "route: {receiver: nobody}\nreceivers: []\n"));

    alerts.pipeInput("acme", alert(Map.of("alertname", "X"), null));

    assertThat(notifications.readValuesToList())
        .hasSize(2)
        .allSatisfy(n -> assertThat(n.getConfigVersion()).isEqualTo(1));
  }

  @Test
  void aPoisonPillGoesToTheDlqWithItsReasonAndProcessingGoesOn() {
    configs.pipeInput("acme", config("acme", 1, CONFIG));
    byte[] garbage = "{not avro}".getBytes(StandardCharsets.UTF_8);

    rawAlerts.pipeInput("acme".getBytes(StandardCharsets.UTF_8), garbage);
    alerts.pipeInput("acme", alert(Map.of("alertname", "AfterThePill"), null));

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("acme");
    assertThat(header(dead, DeadLetter.REASON)).contains("not in Confluent wire format");
    assertThat(header(dead, DeadLetter.SOURCE_TOPIC)).isEqualTo(settings.alertsTopic());
    assertThat(header(dead, DeadLetter.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(notifications.readValuesToList())
        .hasSize(2)
        .allSatisfy(
            n ->
                assertThat(n.getAlerts().get(0).getLabels())
                    .containsEntry("alertname", "AfterThePill"));
  }

  @Test
  void aRecordWithoutTenantGoesToTheDlq() {
    alerts.pipeInput((String) null, alert(Map.of("alertname", "X"), null));
    alerts.pipeInput("bad/tenant", alert(Map.of("alertname", "X"), null));

    List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(header(dead.get(0), DeadLetter.REASON)).isEqualTo("record key: no tenant id");
    assertThat(header(dead.get(1), DeadLetter.REASON)).contains("unsupported character '/'");
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static TenantConfig config(String tenant, long version, String yaml) {
    return TenantConfig.newBuilder()
        .setTenant(tenant)
        .setVersion(version)
        .setAlertmanagerConfig(yaml)
        .setUpdatedAt(NOW)
        .build();
  }

  private static AlertEvent alert(Map<String, String> labels, Instant endsAt) {
    return AlertEvent.newBuilder().setLabels(labels).setEndsAt(endsAt).build();
  }
}
