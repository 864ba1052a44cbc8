package io.alertstream.connectors.webhook;

import io.alertstream.connectors.sink.IntegrationRequests;
import io.alertstream.connectors.sink.NotificationSinkTask;

/** The webhook sink's task. */
public final class WebhookSinkTask extends NotificationSinkTask {

  @Override
  protected IntegrationRequests requests() {
    return new WebhookRequests();
  }
}
