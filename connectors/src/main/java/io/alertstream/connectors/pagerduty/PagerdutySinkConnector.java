package io.alertstream.connectors.pagerduty;

import io.alertstream.connectors.sink.NotificationSinkConnector;
import org.apache.kafka.connect.connector.Task;

/**
 * Delivers {@code alertstream-notifications-pagerduty} as PagerDuty Events API v2 (or v1) events.
 */
public final class PagerdutySinkConnector extends NotificationSinkConnector {

  @Override
  public Class<? extends Task> taskClass() {
    return PagerdutySinkTask.class;
  }
}
