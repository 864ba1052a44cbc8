package io.alertstream.connectors.slack;

import io.alertstream.connectors.sink.IntegrationRequests;
import io.alertstream.connectors.sink.NotificationSinkTask;

/** The slack sink's task. */
public final class SlackSinkTask extends NotificationSinkTask {

  @Override
  protected IntegrationRequests requests() {
    return new SlackRequests();
  }
}
