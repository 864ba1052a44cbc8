package io.alertstream.connectors.notify;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.receivers.Integration;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.schemas.Notification;
import java.util.Optional;

/**
 * Finds exactly the integration a notification names, by receiver name and the integration's stable
 * id, in the tenant's config at the notification's version or later. There is no fallback: a
 * notification whose integration is gone (or that names none) is delivered nowhere, never to
 * another integration of the receiver.
 */
public final class ExactIntegration {

  private ExactIntegration() {}

  /**
   * @param config the tenant's config the task holds
   * @param version that config's version, for the reason
   * @throws Notifier.Refusal naming the receiver, the integration and the version when it is not
   *     there
   */
  public static Integration find(Notification n, AlertmanagerConfig config, long version)
      throws Notifier.Refusal {
    String id = n.getIntegration().getId();
    String receiverName = n.getReceiver();
    if (id == null || id.isEmpty()) {
      throw new Notifier.Refusal(
          "the notification names no integration id (it was made before integrations had ids);"
              + " it is not delivered to any "
              + n.getIntegration().getType()
              + " integration of receiver \""
              + receiverName
              + "\"");
    }
    Optional<ReceiverConfig> receiver = config.receiver(receiverName);
    if (receiver.isEmpty()) {
      throw new Notifier.Refusal(
          "receiver \""
              + receiverName
              + "\" (with integration "
              + id
              + ") removed in config version "
              + version);
    }
    Optional<Integration> integration = receiver.get().integration(id);
    if (integration.isEmpty()) {
      throw new Notifier.Refusal(
          "integration "
              + id
              + " of receiver \""
              + receiverName
              + "\" removed in config version "
              + version);
    }
    if (!integration.get().type().equals(n.getIntegration().getType())) {
      throw new Notifier.Refusal(
          "integration "
              + id
              + " of receiver \""
              + receiverName
              + "\" is of type "
              + integration.get().type()
              + ", the notification is for "
              + n.getIntegration().getType());
    }
    return integration.get();
  }
}
