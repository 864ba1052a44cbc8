package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.alertstream.config.tenant.RuntimeLimits;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotificationReason;
import io.alertstream.schemas.serde.AlertRecords;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.Fingerprint;
import io.alertstream.topology.tenancy.FallbackConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intake, dead letters, configs and routing through the topology. */
class AlertstreamTopologyTest {

  private static final String CONFIG =
      """
      route:
        receiver: team-x
        group_wait: 1s
      receivers:
        - name: team-x
          webhook_configs:
            - url: http://hooks.example.com/a
            - url: http://hooks.example.com/b
              send_resolved: false
          email_configs:
            - to: oncall@example.com
              smarthost: smtp.example.com:25
              from: am@example.com
      """;

  @TempDir Path stateDir;
  private TopologyHarness am;

  @BeforeEach
  void start() {
    am = new TopologyHarness(stateDir);
  }

  @AfterEach
  void stop() {
    am.close();
  }

  @Test
  void aFiringAlertNotifiesEveryIntegrationOfTheReceiverAfterGroupWait() {
    am.config("acme", CONFIG);

    am.post("acme", alert(Map.of("alertname", "DiskFull", "instance", "db-1")));
    am.advanceTo(0.9);
    assertThat(am.webhooks()).isEmpty();
    am.advanceTo(1.1);

    List<TopologyHarness.Sent> out = am.webhooks();
    assertThat(out).hasSize(2);
    Notification first = out.get(0).notification();
    assertThat(first.getReceiver()).isEqualTo("team-x");
    assertThat(first.getIntegration().getType()).isEqualTo("webhook");
    assertThat(out.get(1).notification().getIntegration().getIndex()).isEqualTo(1);
    assertThat(first.getStatus()).isEqualTo(AlertStatus.FIRING);
    assertThat(first.getReason()).isEqualTo(NotificationReason.FIRST);
    assertThat(first.getConfigVersion()).isEqualTo(1);
    assertThat(first.getGroupKey()).isEqualTo("{}:{}");
    assertThat(first.getExternalURL()).isEqualTo("http://alertstream:9093");
    assertThat(first.getAlerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getLabels()).containsEntry("alertname", "DiskFull");
              assertThat(a.getStartsAt()).isEqualTo(TopologyHarness.T0);
              assertThat(a.getEndsAt()).isNull();
              assertThat(a.getFingerprint()).hasSize(16);
            });
    assertThat(first.getId()).isNotEqualTo(out.get(1).notification().getId());
    assertThat(first.toString()).doesNotContain("hooks.example.com");
    assertThat(am.sent("email"))
        .singleElement()
        .satisfies(s -> assertThat(s.notification().getIntegration().getType()).isEqualTo("email"));
  }

  @Test
  void anAlertIsRoutedThroughTheTreeToEveryReceiverItReaches() {
    am.config(
        "acme",
        """
        route:
          receiver: default
          group_by: [alertname]
          group_wait: 1s
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
        """);

    am.post(
        "acme",
        alert(Map.of("alertname", "Slow", "team", "db", "severity", "page", "instance", "i1")));
    am.post("acme", alert(Map.of("alertname", "Other")));
    am.advanceTo(1.1);

    assertThat(am.webhooks())
        .extracting(s -> s.notification().getReceiver(), s -> s.notification().getGroupKey())
        .containsExactlyInAnyOrder(
            tuple("db", "{}/{team=\"db\"}:{alertname=\"Slow\"}"),
            tuple("pager", "{}/{severity=\"page\"}:{alertname=\"Slow\", instance=\"i1\"}"),
            tuple("default", "{}:{alertname=\"Other\"}"));
  }

  @Test
  void aTenantWithoutConfigRunsTheFallbackConfig() {
    am.post("nobody", alert(Map.of("alertname", "X")));
    am.advanceTo(60);

    assertThat(am.webhooks()).isEmpty();
    assertThat(am.dlq.isEmpty()).isTrue();
  }

  @Test
  void aBrokenConfigLeavesTheLastGoodOneRunning() {
    am.config("acme", CONFIG);
    am.config("acme", "route: {receiver: nobody}\nreceivers: []\n");

    am.post("acme", alert(Map.of("alertname", "X")));
    am.advanceTo(1.1);

    assertThat(am.webhooks())
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.notification().getConfigVersion()).isEqualTo(1));
  }

  @Test
  void aPoisonPillGoesToTheDlqWithItsReasonAndProcessingGoesOn() {
    am.config("acme", CONFIG);
    byte[] garbage = "{not avro}".getBytes(StandardCharsets.UTF_8);

    am.rawAlerts.pipeInput("acme".getBytes(StandardCharsets.UTF_8), garbage);
    am.post("acme", alert(Map.of("alertname", "AfterThePill")));
    am.advanceTo(1.1);

    TestRecord<byte[], byte[]> dead = am.dlq.readRecord();
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("acme");
    assertThat(header(dead, DeadLetter.REASON)).contains("not in Confluent wire format");
    assertThat(header(dead, DeadLetter.SOURCE_TOPIC)).isEqualTo(am.settings.alertsTopic());
    assertThat(header(dead, DeadLetter.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(am.webhooks())
        .hasSize(2)
        .allSatisfy(
            s ->
                assertThat(s.notification().getAlerts().get(0).getLabels())
                    .containsEntry("alertname", "AfterThePill"));
  }

  @Test
  void aBatchIsOneRecordWhoseAlertsAreEachDispatchedOrDeadLettered() {
    am.config("acme", CONFIG);
    am.postBatch(
        "acme",
        alert(Map.of("alertname", "First")),
        alert(Map.of()),
        alert(Map.of("alertname", "Third")));
    am.advanceTo(1.1);

    assertThat(am.webhooks())
        .hasSize(2)
        .allSatisfy(
            s ->
                assertThat(s.notification().getAlerts())
                    .extracting(a -> a.getLabels().get("alertname"))
                    .containsExactlyInAnyOrder("First", "Third"));
    TestRecord<byte[], byte[]> dead = am.dlq.readRecord();
    assertThat(header(dead, DeadLetter.REASON))
        .isEqualTo("alert 2 of 3 in the batch has no labels");
    assertThat(new AlertRecords(am.serdes.registry()).read("t", dead.value()))
        .as("the alert alone, as a single-alert record")
        .isEqualTo(new AlertRecords.Read(List.of(alert(Map.of())), false));
    assertThat(am.dlq.isEmpty()).isTrue();
  }

  @Test
  void aRecordWithoutTenantGoesToTheDlq() {
    am.post(null, alert(Map.of("alertname", "X")));
    am.post("bad/tenant", alert(Map.of("alertname", "X")));

    List<TestRecord<byte[], byte[]>> dead = am.dlq.readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(header(dead.get(0), DeadLetter.REASON)).isEqualTo("record key: no tenant id");
    assertThat(header(dead.get(1), DeadLetter.REASON)).contains("unsupported character '/'");
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void emittedNotificationsAreKeptWithTheOutcomeTheConnectorsReport() {
    am.config("acme", CONFIG);
    am.post("acme", alert(Map.of("alertname", "DiskFull")));
    am.advanceTo(1.1);
    Notification sent = am.webhooks().get(0).notification();

    assertThat(am.history("acme"))
        .hasSize(3)
        .allSatisfy(n -> assertThat(n.outcome()).isEqualTo("pending"));

    am.outcome(sent, DeliveryResult.DEAD_LETTERED, "unexpected status code 400", 1);
    am.rawOutcome("acme", "not a report".getBytes(StandardCharsets.UTF_8));

    assertThat(am.history("acme"))
        .filteredOn(n -> n.id().equals(sent.getId()))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.outcome()).isEqualTo("failed");
              assertThat(n.outcomeReason()).isEqualTo("unexpected status code 400");
              assertThat(n.alerts()).singleElement().asString().startsWith("DiskFull");
            });
    assertThat(am.history("other")).isEmpty();
  }

  @Test
  void aReplacedFallbackConfigRegroupsTheTenantsWithoutAConfig(@TempDir Path otherDir)
      throws Exception {
    TopologySettings settings =
        TopologySettings.defaults("http://alertstream:9093", FallbackConfig.DEFAULT);
    try (TopologyHarness am = new TopologyHarness(otherDir, settings)) {
      am.config("acme", CONFIG);
      am.post("nobody-configured", alert(Map.of("alertname", "Orphan")));
      am.advanceTo(2);
      assertThat(am.webhooks()).as("the default fallback notifies nobody").isEmpty();

      settings
          .fallback()
          .replace(
              new io.alertstream.config.ConfigParser()
                  .parse(
                      "route: {receiver: ops, group_wait: 0s}\nreceivers:\n- name: ops\n"
                          + "  webhook_configs: [{url: 'http://hook/fallback'}]\n"));
      // Checked every few seconds (10 with the default grace of silences until resolved).
      am.advanceTo(13);

      assertThat(am.webhooks())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.notification().getTenant()).isEqualTo("nobody-configured");
                assertThat(s.notification().getReceiver()).isEqualTo("ops");
              });
    }
  }

  @Test
  void aProducersAlertPastTheTenantsAlertLimitGoesToTheDlqWithTheReason(@TempDir Path otherDir)
      throws Exception {
    RuntimeLimits limits = new RuntimeLimits(TenantLimits.NONE.withState(2, 0, 0, 0));
    limits.load("overrides:\n  roomy:\n    alertmanager_max_alerts_count: 0\n");
    try (TopologyHarness limited =
        new TopologyHarness(otherDir, TopologyHarness.DEFAULTS.withLimits(limits))) {
      limited.config("acme", CONFIG);
      for (String tenant : List.of("acme", "roomy")) {
        limited.post(tenant, alert(Map.of("alertname", "A")));
        limited.postBatch(tenant, alert(Map.of("alertname", "B")), alert(Map.of("alertname", "C")));
      }
      limited.post("acme", alert(Map.of("alertname", "A"), 0, 1.0));

      List<TestRecord<byte[], byte[]>> dead = limited.dlq.readRecordsToList();
      assertThat(dead).hasSize(1);
      assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("acme");
      assertThat(header(dead.get(0), DeadLetter.REASON))
          .isEqualTo(
              "alert {alertname=C} refused: the tenant has reached its limit of 2 alerts"
                  + " (alertmanager_max_alerts_count)");
      assertThat(header(dead.get(0), DeadLetter.SOURCE_TOPIC)).isEqualTo("alertstream-alerts");
      assertThat(new AlertRecords(limited.serdes.registry()).read("t", dead.get(0).value()))
          .as("the alert of the batch, alone")
          .isEqualTo(new AlertRecords.Read(List.of(alert(Map.of("alertname", "C"))), false));
      KeyValueStore<String, Alert> alerts =
          limited.driver.getKeyValueStore(AlertstreamTopology.ALERT_STORE);
      assertThat(alerts.get("acme\u0000" + Fingerprint.of(Map.of("alertname", "A"))).endsAt())
          .as("an alert the tenant holds is still updated")
          .isEqualTo(TopologyHarness.at(1.0).toEpochMilli());
      assertThat(alerts.get("roomy\u0000" + Fingerprint.of(Map.of("alertname", "C"))))
          .as("the tenant whose override lifts the limit")
          .isNotNull();
    }
  }

  @Test
  void anAlertThatWouldOpenAGroupPastTheTenantsLimitIsNotGrouped(@TempDir Path otherDir)
      throws Exception {
    // One group for everyone, none for tenant "roomy" (its override: 0, no limit).
    RuntimeLimits limits = new RuntimeLimits(TenantLimits.NONE.withState(0, 0, 1, 0));
    limits.load("overrides:\n  roomy:\n    alertmanager_max_dispatcher_aggregation_groups: 0\n");
    try (TopologyHarness limited =
        new TopologyHarness(otherDir, TopologyHarness.DEFAULTS.withLimits(limits))) {
      String config =
          CONFIG.replace("receiver: team-x\n", "receiver: team-x\n  group_by: [alertname]\n");
      limited.config("acme", config);
      limited.config("roomy", config);

      for (String tenant : List.of("acme", "roomy")) {
        limited.post(tenant, alert(Map.of("alertname", "First")));
        limited.post(tenant, alert(Map.of("alertname", "Second")));
        limited.post(tenant, alert(Map.of("alertname", "First", "instance", "b")));
      }
      limited.advanceTo(1.1);

      List<TopologyHarness.Sent> sent = limited.webhooks();
      assertThat(sent)
          .filteredOn(s -> s.notification().getTenant().equals("acme"))
          .extracting(s -> s.notification().getGroupKey())
          .containsOnly("{}:{alertname=\"First\"}");
      assertThat(sent)
          .filteredOn(s -> s.notification().getTenant().equals("acme"))
          .first()
          .satisfies(s -> assertThat(s.notification().getAlerts()).hasSize(2));
      assertThat(sent)
          .filteredOn(s -> s.notification().getTenant().equals("roomy"))
          .extracting(s -> s.notification().getGroupKey())
          .containsOnly("{}:{alertname=\"First\"}", "{}:{alertname=\"Second\"}");
    }
  }
}
