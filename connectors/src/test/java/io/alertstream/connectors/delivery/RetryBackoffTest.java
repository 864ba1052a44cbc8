package io.alertstream.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private final RetryBackoff backoff =
      new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

  @Test
  void doublesUpToTheCap() {
    assertThat(backoff.after(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.after(2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.after(5, Optional.empty())).isEqualTo(Duration.ofSeconds(16));
    assertThat(backoff.after(6, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.after(64, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void waitsAtLeastAsLongAsRetryAfterWithinTheCap() {
    assertThat(backoff.after(1, Optional.of(Duration.ofSeconds(7))))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(backoff.after(5, Optional.of(Duration.ofSeconds(7))))
        .isEqualTo(Duration.ofSeconds(16));
    assertThat(backoff.after(1, Optional.of(Duration.ofHours(1))))
        .isEqualTo(Duration.ofSeconds(30));
  }
}
