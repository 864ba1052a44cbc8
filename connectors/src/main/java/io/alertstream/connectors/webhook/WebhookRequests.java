package io.alertstream.connectors.webhook;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.config.receivers.WebhookConfig;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.sink.IntegrationRequests;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.util.List;
import java.util.Map;

/** A webhook notification: Alertmanager's v4 JSON, POSTed to the configured URL. */
public final class WebhookRequests implements IntegrationRequests {

  /** Carries the notification id, so a receiver can drop a redelivered duplicate. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public Prepared prepare(Notification n, AlertmanagerConfig config, TemplateSet templates)
      throws Refusal {
    WebhookConfig webhook =
        IntegrationRequests.find(n, config, ReceiverConfig::webhookConfigs, "webhook_configs");
    return new Prepared(
        new Outbound.HttpPost(
            webhook.url(),
            Outbound.HttpPost.jsonHeaders(Map.of(IDEMPOTENCY_KEY, n.getId())),
            WebhookPayload.render(n, webhook.maxAlerts()),
            webhook.http(),
            List.of(),
            Outbound.AnswerCheck.NONE),
        List.of());
  }
}
