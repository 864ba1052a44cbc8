package io.alertstream.topology.grouping;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * How late group flushes run after their due time, in milliseconds, as a histogram with 1 ms
 * buckets up to a minute (later ones land in the last bucket). One per process; read by metrics and
 * benchmarks.
 */
public final class FlushDelays {

  public static final FlushDelays GLOBAL = new FlushDelays();
  private static final int BUCKETS = 60_001;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
  private final LongAdder total = new LongAdder();

  public void record(long delayMs) {
    counts.incrementAndGet((int) Math.max(0, Math.min(BUCKETS - 1, delayMs)));
    total.increment();
  }

  public long count() {
    return total.sum();
  }

  /** The delay below which {@code quantile} of the flushes ran, e.g. 0.99. */
  public long percentile(double quantile) {
    long wanted = (long) Math.ceil(quantile * total.sum());
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= wanted && wanted > 0) {
        return i;
      }
    }
    return 0;
  }

  public void reset() {
    for (int i = 0; i < BUCKETS; i++) {
      counts.set(i, 0);
    }
    total.reset();
  }
}
