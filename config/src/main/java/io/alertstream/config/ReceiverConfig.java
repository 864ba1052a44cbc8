package io.alertstream.config;

import java.util.List;

/** A named receiver and its integrations. */
public record ReceiverConfig(String name, List<WebhookConfig> webhookConfigs) {

  public ReceiverConfig {
    webhookConfigs = List.copyOf(webhookConfigs);
  }
}
