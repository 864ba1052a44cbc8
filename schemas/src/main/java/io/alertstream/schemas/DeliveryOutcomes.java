package io.alertstream.schemas;

import java.time.Instant;

/** Builds the {@link DeliveryOutcome} of a notification. */
public final class DeliveryOutcomes {

  private DeliveryOutcomes() {}

  /** The outcome of {@code n}, naming its tenant, receiver, integration, group and version. */
  public static DeliveryOutcome of(
      Notification n,
      DeliveryResult result,
      String reason,
      int attempts,
      Instant firstAttemptAt,
      Instant finishedAt) {
    return DeliveryOutcome.newBuilder()
        .setNotificationId(n.getId())
        .setTenant(n.getTenant())
        .setReceiver(n.getReceiver())
        .setIntegrationType(n.getIntegration().getType())
        .setIntegrationId(n.getIntegration().getId())
        .setIntegrationIndex(n.getIntegration().getIndex())
        .setGroupKey(n.getGroupKey())
        .setConfigVersion(n.getConfigVersion())
        .setOutcome(result)
        .setReason(reason)
        .setAttempts(attempts)
        .setFirstAttemptAt(firstAttemptAt)
        .setFinishedAt(finishedAt)
        .build();
  }
}
