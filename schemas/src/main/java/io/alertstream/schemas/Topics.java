package io.alertstream.schemas;

/** Default names of Alertstream's topics; docs/ARCHITECTURE.md lists their keys and values. */
public final class Topics {

  public static final String ALERTS = "alertstream-alerts";
  public static final String ALERTS_DLQ = "alertstream-alerts-dlq";
  public static final String CONFIGS = "alertstream-configs";
  public static final String SILENCES = "alertstream-silences";

  /** Requests connectors in dry-run mode would have sent, secrets masked. Key: tenant id. */
  public static final String DRY_RUN = "alertstream-dryrun";

  /**
   * What became of each notification, written by the connectors ({@code DeliveryOutcome}, Avro,
   * key: tenant id): delivered, recorded in dry run, or dead-lettered with the reason. The topology
   * keeps them with the notification and withdraws the log entry of a dead-lettered one.
   */
  public static final String DELIVERY_OUTCOMES = "alertstream-delivery-outcomes";

  /**
   * What the topology decided about each alert at each flush (routed, inhibited, silenced, muted,
   * deduplicated, notified), JSON, key: tenant id. Kept a week; the last day is also in a store.
   */
  public static final String DECISIONS = "alertstream-decisions";

  public static final String NOTIFICATIONS_PREFIX = "alertstream-notifications-";

  /**
   * The dead letter topic of a sink connector that serves the notification topics of every type
   * (the local launcher's); a connector per type uses {@link #notificationsDlq(String)}.
   */
  public static final String NOTIFICATIONS_DLQ = "alertstream-notifications-dlq";

  private Topics() {}

  /** The topic that carries notifications for one integration type, e.g. {@code webhook}. */
  public static String notifications(String integrationType) {
    return NOTIFICATIONS_PREFIX + integrationType;
  }

  /** The dead letter topic of one integration type's connector. */
  public static String notificationsDlq(String integrationType) {
    return notifications(integrationType) + "-dlq";
  }
}
