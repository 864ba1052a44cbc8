package io.alertstream.connectors.sink;

import org.apache.kafka.connect.errors.ConnectException;

/** The reason a notification went to the dead letter queue; its message lands in DLQ headers. */
public final class UndeliverableNotificationException extends ConnectException {

  public UndeliverableNotificationException(String reason) {
    super(reason);
  }
}
