package io.alertstream.connectors.sink;

import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.schemas.Notification;

/**
 * Where a sink task records the requests of tenants in dry run; in production {@link
 * DryRunRecorder}.
 */
@FunctionalInterface
public interface DryRunSink {

  /** Records the request the notification would have made; returns once it is written. */
  void record(Notification n, Outbound request) throws Exception;
}
