package io.alertstream.connectors.slack;

import io.alertstream.connectors.sink.NotificationSinkConnector;
import org.apache.kafka.connect.connector.Task;

/**
 * Delivers {@code alertstream-notifications-slack} to Slack incoming webhooks or chat.postMessage.
 */
public final class SlackSinkConnector extends NotificationSinkConnector {

  @Override
  public Class<? extends Task> taskClass() {
    return SlackSinkTask.class;
  }
}
