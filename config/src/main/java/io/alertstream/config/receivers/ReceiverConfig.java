package io.alertstream.config.receivers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A named receiver and its integrations, in Alertmanager's order of types.
 *
 * @param integrations every integration with its settings and stable id
 */
public record ReceiverConfig(String name, List<Integration> integrations) {

  public ReceiverConfig {
    integrations = List.copyOf(integrations);
  }

  /** The settings of every integration of one type, in order. */
  public <C> List<C> configs(Class<C> settingsType) {
    List<C> out = new ArrayList<>();
    for (Integration integration : integrations) {
      if (settingsType.isInstance(integration.settings())) {
        out.add(settingsType.cast(integration.settings()));
      }
    }
    return out;
  }

  /** The integration with this stable id, if the receiver still has it. */
  public Optional<Integration> integration(String id) {
    return integrations.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** A receiver with webhooks only. */
  public static ReceiverConfig ofWebhooks(String name, List<WebhookConfig> webhooks) {
    List<Integration> integrations = new ArrayList<>();
    for (int i = 0; i < webhooks.size(); i++) {
      integrations.add(
          Integration.of(name, "webhook", i, webhooks.get(i).sendResolved(), webhooks.get(i)));
    }
    return new ReceiverConfig(name, integrations);
  }
}
