package io.alertstream.connectors.pagerduty;

import io.alertstream.connectors.sink.IntegrationRequests;
import io.alertstream.connectors.sink.NotificationSinkTask;

/** The pagerduty sink's task. */
public final class PagerdutySinkTask extends NotificationSinkTask {

  @Override
  protected IntegrationRequests requests() {
    return new PagerdutyRequests();
  }
}
