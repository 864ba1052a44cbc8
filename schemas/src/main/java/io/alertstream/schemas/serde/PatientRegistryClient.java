package io.alertstream.schemas.serde;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * Asks another registry client again, with growing pauses, while the registry is unavailable, for
 * up to a bound of patience; then gives up with the last failure. A blip of the registry (a
 * restart, a slow answer) then costs the caller a wait instead of a failure. For the stream thread,
 * whose alternative is to fail and be replaced; the API, which can answer 503 at once, asks without
 * it.
 */
public final class PatientRegistryClient implements SchemaRegistryClient {

  static final long FIRST_PAUSE_MS = 100;
  static final long LONGEST_PAUSE_MS = 1_000;

  /** Sleeps for the given milliseconds. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final SchemaRegistryClient delegate;
  private final long patienceMs;
  private final LongSupplier clock;
  private final Sleeper sleeper;

  public PatientRegistryClient(SchemaRegistryClient delegate, Duration patience) {
    this(delegate, patience, System::currentTimeMillis, Thread::sleep);
  }

  PatientRegistryClient(
      SchemaRegistryClient delegate, Duration patience, LongSupplier clock, Sleeper sleeper) {
    this.delegate = delegate;
    this.patienceMs = patience.toMillis();
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public int register(String subject, Schema schema) {
    return patiently(() -> delegate.register(subject, schema));
  }

  @Override
  public Schema schemaById(int id) {
    return patiently(() -> delegate.schemaById(id));
  }

  private <T> T patiently(Supplier<T> call) {
    long giveUpAt = clock.getAsLong() + patienceMs;
    long pause = FIRST_PAUSE_MS;
    while (true) {
      try {
        return call.get();
      } catch (RegistryUnavailableException e) {
        if (clock.getAsLong() + pause > giveUpAt) {
          throw e;
        }
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
      }
    }
  }
}
