package io.alertstream.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpOutcomesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "200, Delivered",
    "202, Delivered",
    "204, Delivered",
    "429, Retry",
    "500, Retry",
    "502, Retry",
    "503, Retry",
    "400, Failed",
    "401, Failed",
    "403, Failed",
    "404, Failed",
    "410, Failed",
    "301, Failed",
  })
  void classifiesStatusCodes(int status, String kind) {
    AttemptResult outcome = HttpOutcomes.classify(status, Optional.empty(), "", CLOCK);

    assertThat(outcome.getClass().getSimpleName()).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"400", "401", "429", "503"})
  void aFailureOrRetryKeepsTheStatusThatDecidedIt(int status) {
    AttemptResult outcome = HttpOutcomes.classify(status, Optional.empty(), "", CLOCK);

    int kept =
        outcome instanceof AttemptResult.Retry r
            ? r.status()
            : ((AttemptResult.Failed) outcome).status();
    assertThat(kept).isEqualTo(status);
  }

  @Test
  void aFailureWithoutAnAnswerHasNoStatus() {
    assertThat(new AttemptResult.Failed("SMTP authentication failed").status())
        .isEqualTo(AttemptResult.NO_STATUS);
    assertThat(new AttemptResult.Retry("connection failed", Optional.empty()).status())
        .isEqualTo(AttemptResult.NO_STATUS);
  }

  @Test
  void honoursRetryAfterInSecondsAndAsADate() {
    assertThat(HttpOutcomes.retryAfter("120", CLOCK)).contains(Duration.ofMinutes(2));
    assertThat(HttpOutcomes.retryAfter("Sun, 01 Mar 2026 12:00:30 GMT", CLOCK))
        .contains(Duration.ofSeconds(30));
    assertThat(HttpOutcomes.retryAfter("soon", CLOCK)).isEmpty();
  }

  @Test
  void quotesTheStartOfTheBodyInTheReason() {
    var outcome =
        (AttemptResult.Failed)
            HttpOutcomes.classify(400, Optional.empty(), "bad   payload\n", CLOCK);

    assertThat(outcome.reason()).isEqualTo("unexpected status code 400: bad payload");
  }
}
