package io.alertstream.topology.streams;

import io.alertstream.schemas.Topics;

/** Topic names and the external URL the topology is built with. */
public record TopologySettings(
    String alertsTopic,
    String alertsDlqTopic,
    String configsTopic,
    String webhookNotificationsTopic,
    String externalUrl) {

  public static TopologySettings defaults(String externalUrl) {
    return new TopologySettings(
        Topics.ALERTS,
        Topics.ALERTS_DLQ,
        Topics.CONFIGS,
        Topics.notifications("webhook"),
        externalUrl);
  }
}
