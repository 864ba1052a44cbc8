package io.alertstream.config.receivers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    Map<String, Integer> unsupported,
    List<Integration> integrations) {

  /**
   * @param integrations the integrations Alertstream delivers to, in Alertmanager's order of types,
   *     with their stable ids; derived from the lists above
   */
  public ReceiverConfig {
    webhookConfigs = List.copyOf(webhookConfigs);
    slackConfigs = List.copyOf(slackConfigs);
    pagerdutyConfigs = List.copyOf(pagerdutyConfigs);
    emailConfigs = List.copyOf(emailConfigs);
    unsupported = Map.copyOf(unsupported);
    integrations = List.copyOf(integrations);
  }

  public ReceiverConfig(
      String name,
      List<WebhookConfig> webhookConfigs,
      List<SlackConfig> slackConfigs,
      List<PagerdutyConfig> pagerdutyConfigs,
      List<EmailConfig> emailConfigs,
      Map<String, Integer> unsupported) {
    this(
        name,
        webhookConfigs,
        slackConfigs,
        pagerdutyConfigs,
        emailConfigs,
        unsupported,
        integrationsOf(name, webhookConfigs, slackConfigs, pagerdutyConfigs, emailConfigs));
  }

  private static List<Integration> integrationsOf(
      String name,
      List<WebhookConfig> webhooks,
      List<SlackConfig> slacks,
      List<PagerdutyConfig> pagerduties,
      List<EmailConfig> emails) {
    List<Integration> all = new ArrayList<>();
    for (int i = 0; i < webhooks.size(); i++) {
      all.add(integration(name, "webhook", i, webhooks.get(i).sendResolved(), webhooks.get(i)));
    }
    for (int i = 0; i < emails.size(); i++) {
      all.add(integration(name, "email", i, emails.get(i).sendResolved(), emails.get(i)));
    }
    for (int i = 0; i < pagerduties.size(); i++) {
      all.add(
          integration(name, "pagerduty", i, pagerduties.get(i).sendResolved(), pagerduties.get(i)));
    }
    for (int i = 0; i < slacks.size(); i++) {
      all.add(integration(name, "slack", i, slacks.get(i).sendResolved(), slacks.get(i)));
    }
    return all;
  }

  private static Integration integration(
      String receiver, String type, int index, boolean sendResolved, Object settings) {
    return new Integration(
        type, index, sendResolved, IntegrationId.of(receiver, type, settings), settings);
  }

  /** The integration with this stable id, if the receiver still has it. */
  public Optional<Integration> integration(String id) {
    return integrations.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** A receiver with webhooks only. */
  public static ReceiverConfig ofWebhooks(String name, List<WebhookConfig> webhooks) {
    return new ReceiverConfig(name, webhooks, List.of(), List.of(), List.of(), Map.of());
  }
}
