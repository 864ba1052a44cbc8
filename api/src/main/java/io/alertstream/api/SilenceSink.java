package io.alertstream.api;

import io.alertstream.schemas.SilenceEvent;

/** Where silence changes go: the silences topic, keyed by tenant. */
public interface SilenceSink {

  /** Returns once the change is durably stored. */
  void write(String tenant, SilenceEvent event) throws Exception;
}
