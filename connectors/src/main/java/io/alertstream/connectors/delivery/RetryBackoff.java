package io.alertstream.connectors.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * Exponential backoff between attempts. A peer's Retry-After lengthens the wait, but no wait is
 * longer than {@code max}, so one slow peer cannot park its partition indefinitely.
 */
public record RetryBackoff(Duration initial, Duration max) {

  /** The wait before the next attempt, after {@code failedAttempts} failed ones (from 1). */
  public Duration after(int failedAttempts, Optional<Duration> retryAfter) {
    long factor = 1L << Math.min(Math.max(failedAttempts - 1, 0), 30);
    Duration wait = initial.multipliedBy(factor);
    if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
      wait = retryAfter.get();
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
