package io.alertstream.api;

import io.alertstream.schemas.AlertEvent;
import java.util.List;

/** Where accepted alerts go: the alerts topic, keyed by tenant. */
public interface AlertSink {

  /** Returns once every alert is durably stored; throws if any could not be. */
  void submit(String tenant, List<AlertEvent> alerts) throws Exception;
}
