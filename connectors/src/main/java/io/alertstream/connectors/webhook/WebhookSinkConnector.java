package io.alertstream.connectors.webhook;

import io.alertstream.connectors.sink.NotificationSinkConnector;
import org.apache.kafka.connect.connector.Task;

/** Delivers {@code alertstream-notifications-webhook} as Alertmanager's webhook v4 POSTs. */
public final class WebhookSinkConnector extends NotificationSinkConnector {

  @Override
  public Class<? extends Task> taskClass() {
    return WebhookSinkTask.class;
  }
}
