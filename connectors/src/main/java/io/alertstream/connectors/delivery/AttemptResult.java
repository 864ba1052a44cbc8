package io.alertstream.connectors.delivery;

import java.time.Duration;
import java.util.Optional;

/** What became of one delivery attempt. Reasons never carry the endpoint's URL or a secret. */
public sealed interface AttemptResult {

  /** No HTTP status decided the result: no answer, SMTP, or a refusal in the answer's body. */
  int NO_STATUS = 0;

  record Delivered(int status) implements AttemptResult {}

  /**
   * Worth trying again: 429, 5xx or a network failure; {@code retryAfter} as the peer asked.
   *
   * @param status the HTTP status that made it a retry, or {@link #NO_STATUS}
   */
  record Retry(String reason, Optional<Duration> retryAfter, int status) implements AttemptResult {

    public Retry(String reason, Optional<Duration> retryAfter) {
      this(reason, retryAfter, NO_STATUS);
    }
  }

  /**
   * Never going to work as it is: any other 4xx, or a notification that cannot be delivered.
   *
   * @param status the HTTP status that made it a failure, or {@link #NO_STATUS}
   */
  record Failed(String reason, int status) implements AttemptResult {

    public Failed(String reason) {
      this(reason, NO_STATUS);
    }
  }
}
