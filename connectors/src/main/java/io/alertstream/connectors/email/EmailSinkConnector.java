package io.alertstream.connectors.email;

import io.alertstream.connectors.sink.NotificationSinkConnector;
import org.apache.kafka.connect.connector.Task;

/** Delivers {@code alertstream-notifications-email} as email over SMTP. */
public final class EmailSinkConnector extends NotificationSinkConnector {

  @Override
  public Class<? extends Task> taskClass() {
    return EmailSinkTask.class;
  }
}
