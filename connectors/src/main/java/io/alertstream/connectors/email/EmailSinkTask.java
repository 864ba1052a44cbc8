package io.alertstream.connectors.email;

import io.alertstream.connectors.sink.IntegrationRequests;
import io.alertstream.connectors.sink.NotificationSinkTask;

/** The email sink's task. */
public final class EmailSinkTask extends NotificationSinkTask {

  @Override
  protected IntegrationRequests requests() {
    return new EmailRequests();
  }
}
