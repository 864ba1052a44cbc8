package io.alertstream.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureReasonsTest {

  private static final Outbound.HttpCall CALL =
      Outbound.HttpCall.post(
          URI.create("https://api.example/bot123456:tok-secret/sendMessage?corpsecret=cs-secret"),
          Map.of(),
          new byte[0],
          HttpClientConfig.DEFAULT,
          List.of(new Secret("body-key-secret")),
          Outbound.AnswerCheck.NONE);

  @Test
  void anEchoedUrlOrSecretIsMaskedInTheReason() {
    String echo =
        "404 page /bot123456:tok-secret/sendMessage?corpsecret=cs-secret not found; key"
            + " body-key-secret";

    String reason = FailureReasons.sanitized(echo, List.of(CALL));

    assertThat(reason)
        .doesNotContain("tok-secret")
        .doesNotContain("cs-secret")
        .doesNotContain("body-key-secret")
        .contains("404 page")
        .contains("<secret>");
  }

  @Test
  void aLongReasonIsCut() {
    String reason = FailureReasons.sanitized("x".repeat(10_000), List.of(CALL));

    assertThat(reason).hasSize(FailureReasons.MAX_CHARS + 1).endsWith("…");
  }

  @Test
  void failuresAndRetriesKeepTheirStatus() {
    assertThat(FailureReasons.sanitized(new AttemptResult.Failed("no", 403), List.of(CALL)))
        .isEqualTo(new AttemptResult.Failed("no", 403));
    assertThat(
            FailureReasons.sanitized(
                new AttemptResult.Retry("later", java.util.Optional.empty(), 503), List.of(CALL)))
        .isEqualTo(new AttemptResult.Retry("later", java.util.Optional.empty(), 503));
  }

  @Test
  void retriesKeepTheirDelay() {
    AttemptResult retry =
        new AttemptResult.Retry(
            "echo body-key-secret", java.util.Optional.of(java.time.Duration.ofSeconds(3)));

    AttemptResult sanitized = FailureReasons.sanitized(retry, List.of(CALL));

    assertThat(sanitized)
        .isEqualTo(
            new AttemptResult.Retry(
                "echo <secret>", java.util.Optional.of(java.time.Duration.ofSeconds(3))));
  }
}
