package io.alertstream.connectors.webhook;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.config.receivers.WebhookConfig;
import io.alertstream.connectors.ConnectorVersion;
import io.alertstream.connectors.delivery.DeliveryOutcome;
import io.alertstream.connectors.delivery.HttpSender;
import io.alertstream.schemas.Notification;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sends one notification to the webhook its tenant's config names for it. */
public final class WebhookDelivery {

  /** Carries the notification id, so a receiver can drop a redelivered duplicate. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final HttpSender sender;

  public WebhookDelivery(HttpSender sender) {
    this.sender = sender;
  }

  public DeliveryOutcome deliver(Notification n, AlertmanagerConfig config) {
    Optional<ReceiverConfig> receiver = config.receiver(n.getReceiver());
    if (receiver.isEmpty()) {
      return new DeliveryOutcome.Failed(
          "receiver \""
              + n.getReceiver()
              + "\" is no longer in tenant "
              + n.getTenant()
              + "'s config");
    }
    List<WebhookConfig> webhooks = receiver.get().webhookConfigs();
    int index = n.getIntegration().getIndex();
    if (index < 0 || index >= webhooks.size()) {
      return new DeliveryOutcome.Failed(
          "receiver \"" + n.getReceiver() + "\" has no webhook_configs[" + index + "] any more");
    }
    WebhookConfig webhook = webhooks.get(index);
    byte[] body = WebhookPayload.render(n, webhook.maxAlerts());
    return sender.post(
        webhook.url(),
        Map.of(
            "Content-Type",
            "application/json",
            "User-Agent",
            "Alertstream/" + ConnectorVersion.VERSION,
            IDEMPOTENCY_KEY,
            n.getId()),
        body);
  }
}
