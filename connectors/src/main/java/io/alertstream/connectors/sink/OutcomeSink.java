package io.alertstream.connectors.sink;

import io.alertstream.schemas.DeliveryOutcome;

/**
 * Where a sink task writes what became of each notification; in production {@link OutcomeReporter}.
 */
public interface OutcomeSink {

  /** For a connector configured without an outcomes topic. */
  OutcomeSink NONE =
      new OutcomeSink() {
        @Override
        public void report(DeliveryOutcome outcome) {}

        @Override
        public boolean flush() {
          return true;
        }
      };

  /** Hands the outcome over for writing; does not wait. */
  void report(DeliveryOutcome outcome);

  /**
   * Waits until every outcome reported before the call is written.
   *
   * @return false when some could not be written (they are tried again at the next flush)
   */
  boolean flush();
}
