package io.alertstream.topology.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.DeliveryResult;
import io.alertstream.topology.nflog.NotificationLogEntry;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationRecordTest {

  @Test
  void aRecordLostBeforeItsOutcomeIsRebuiltFromTheNotificationLog() {
    DeliveryOutcome outcome =
        DeliveryOutcome.newBuilder()
            .setNotificationId("n-1")
            .setTenant("acme")
            .setGroupKey("{}:{alertname=A}")
            .setReceiver("team")
            .setIntegrationType("webhook")
            .setIntegrationId("webhook-1")
            .setIntegrationIndex(2)
            .setConfigVersion(1)
            .setOutcome(DeliveryResult.DELIVERED)
            .setReason("")
            .setAttempts(1)
            .setFirstAttemptAt(Instant.ofEpochMilli(5_000))
            .setFinishedAt(Instant.ofEpochMilli(6_000))
            .build();
    NotificationLogEntry.Sent sent =
        new NotificationLogEntry.Sent("n-1", Set.of("f1"), Set.of("r1"), 4_000);

    NotificationRecord record = NotificationRecord.recovered(outcome, sent).withOutcome(outcome);

    assertThat(record.id()).isEqualTo("n-1");
    assertThat(record.receiver()).isEqualTo("team");
    assertThat(record.integration()).isEqualTo("webhook");
    assertThat(record.index()).isEqualTo(2);
    assertThat(record.status()).isEqualTo("firing");
    assertThat(record.createdAt()).isEqualTo(4_000);
    assertThat(record.fingerprints()).containsExactlyInAnyOrder("f1", "r1");
    assertThat(record.outcome()).isEqualTo("delivered");
    assertThat(record.outcomeAt()).isEqualTo(6_000);
    assertThat(record.awaitsOutcome()).isFalse();
  }
}
