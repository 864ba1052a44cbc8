package io.alertstream.connectors.delivery;

/**
 * Sends a prepared request to its endpoint, once: the outcome of this one attempt. Retrying,
 * dead-lettering and recording are the sink task's.
 */
@FunctionalInterface
public interface Transport {

  AttemptResult send(Outbound request);
}
