package io.alertstream.config.receivers;

import java.util.List;
import java.util.Map;

/**
 * A named receiver and its integrations. Integration types Alertstream does not deliver yet are
 * counted in {@code unsupported} (type → number of configs) so that they can be reported.
 */
public record ReceiverConfig(
    String name,
    List<WebhookConfig> webhookConfigs,
    List<SlackConfig> slackConfigs,
    List<PagerdutyConfig> pagerdutyConfigs,
    List<EmailConfig> emailConfigs,
    Map<String, Integer> unsupported) {

  public ReceiverConfig {
    webhookConfigs = List.copyOf(webhookConfigs);
    slackConfigs = List.copyOf(slackConfigs);
    pagerdutyConfigs = List.copyOf(pagerdutyConfigs);
    emailConfigs = List.copyOf(emailConfigs);
    unsupported = Map.copyOf(unsupported);
  }

  /** A receiver with webhooks only. */
  public static ReceiverConfig ofWebhooks(String name, List<WebhookConfig> webhooks) {
    return new ReceiverConfig(name, webhooks, List.of(), List.of(), List.of(), Map.of());
  }
}
