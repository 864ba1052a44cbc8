package io.alertstream.connectors.delivery;

import java.time.Duration;
import java.util.Optional;

/** What became of one delivery attempt. Reasons never carry the endpoint's URL or a secret. */
public sealed interface AttemptResult {

  record Delivered(int status) implements AttemptResult {}

  /** Worth trying again: 429, 5xx or a network failure; {@code retryAfter} as the peer asked. */
  record Retry(String reason, Optional<Duration> retryAfter) implements AttemptResult {}

  /** Never going to work as it is: any other 4xx, or a notification that cannot be delivered. */
  record Failed(String reason) implements AttemptResult {}
}
