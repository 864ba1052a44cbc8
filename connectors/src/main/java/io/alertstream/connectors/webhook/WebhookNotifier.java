package io.alertstream.connectors.webhook;

import io.alertstream.config.receivers.WebhookConfig;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.util.List;
import java.util.Map;

/** A webhook notification: Alertmanager's v4 JSON, POSTed to the configured URL. */
public final class WebhookNotifier implements Notifier<WebhookConfig> {

  /** Carries the notification id, so a receiver can drop a redelivered duplicate. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public Class<WebhookConfig> settingsType() {
    return WebhookConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, WebhookConfig webhook, TemplateSet templates) {
    return new Prepared(
        Outbound.HttpCall.post(
            webhook.url(),
            Outbound.HttpCall.jsonHeaders(Map.of(IDEMPOTENCY_KEY, n.getId())),
            WebhookPayload.render(n, webhook.maxAlerts()),
            webhook.http(),
            List.of(),
            Outbound.AnswerCheck.NONE),
        List.of());
  }
}
