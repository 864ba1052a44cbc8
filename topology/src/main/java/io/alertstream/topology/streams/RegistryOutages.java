package io.alertstream.topology.streams;

import io.alertstream.schemas.serde.RegistryUnavailableException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a stream thread that failed. One that failed because the schema registry was
 * unavailable is replaced after a pause: the new thread reads again from the last commit, so the
 * record that could not be read is neither skipped nor dead-lettered. The pause doubles while the
 * outage lasts (each replacement closes the thread's tasks, and under exactly-once they restore
 * their state from the changelogs), up to {@link #LONGEST_PAUSE}. Any other failure shuts the
 * client down, as Kafka Streams does without a handler.
 */
public final class RegistryOutages implements StreamsUncaughtExceptionHandler {

  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(RegistryOutages.class);

  /** Sleeps for the given milliseconds. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final LongSupplier clock;
  private final Sleeper sleeper;
  private long pause = FIRST_PAUSE.toMillis();
  private long lastFailureAt = Long.MIN_VALUE;

  public RegistryOutages() {
    this(System::currentTimeMillis, Thread::sleep);
  }

  RegistryOutages(LongSupplier clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public StreamThreadExceptionResponse handle(Throwable failure) {
    var outage = RegistryUnavailableException.find(failure);
    if (outage.isEmpty()) {
      LOG.error("a stream thread failed; shutting this instance's Kafka Streams down", failure);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    long wait = nextPause();
    LOG.warn(
        "a stream thread stopped because the schema registry is unavailable ({}); replacing it in"
            + " {} ms, to read again from the last commit",
        outage.get().getMessage(),
        wait);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  /** Doubles the pause for failures that follow one another; starts again after a quiet spell. */
  private synchronized long nextPause() {
    long now = clock.getAsLong();
    if (lastFailureAt != Long.MIN_VALUE && now - lastFailureAt > 2 * LONGEST_PAUSE.toMillis()) {
      pause = FIRST_PAUSE.toMillis();
    }
    long wait = pause;
    pause = Math.min(pause * 2, LONGEST_PAUSE.toMillis());
    lastFailureAt = now;
    return wait;
  }
}
