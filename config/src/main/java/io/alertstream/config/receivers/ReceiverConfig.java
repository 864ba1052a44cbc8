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

  /** The integrations Alertstream delivers to, in Alertmanager's order of types. */
  public java.util.List<Integration> integrations() {
    java.util.List<Integration> all = new java.util.ArrayList<>();
    for (int i = 0; i < webhookConfigs.size(); i++) {
      all.add(new Integration("webhook", i, webhookConfigs.get(i).sendResolved()));
    }
    for (int i = 0; i < emailConfigs.size(); i++) {
      all.add(new Integration("email", i, emailConfigs.get(i).sendResolved()));
    }
    for (int i = 0; i < pagerdutyConfigs.size(); i++) {
      all.add(new Integration("pagerduty", i, pagerdutyConfigs.get(i).sendResolved()));
    }
    for (int i = 0; i < slackConfigs.size(); i++) {
      all.add(new Integration("slack", i, slackConfigs.get(i).sendResolved()));
    }
    return all;
  }

  /** A receiver with webhooks only. */
  public static ReceiverConfig ofWebhooks(String name, List<WebhookConfig> webhooks) {
    return new ReceiverConfig(name, webhooks, List.of(), List.of(), List.of(), Map.of());
  }
}
