package io.alertstream.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.receivers.HttpClientConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneHostCallerTest {

  private static Outbound.HttpCall call(String url) {
    return Outbound.HttpCall.post(
        URI.create(url),
        Map.of(),
        new byte[0],
        HttpClientConfig.DEFAULT,
        List.of(),
        Outbound.AnswerCheck.NONE);
  }

  @Test
  void aConversationCannotCallAnotherHostThanTheOneTheEgressRuleChecked() {
    var caller =
        new OneHostCaller(
            new JdkHttpSender(Duration.ofSeconds(1), Clock.systemUTC()), "api.example");

    assertThatThrownBy(() -> caller.call(call("http://169.254.169.254/latest/meta-data")))
        .isInstanceOf(Outbound.NoAnswer.class)
        .satisfies(
            e ->
                assertThat(((Outbound.NoAnswer) e).result())
                    .isInstanceOf(AttemptResult.Failed.class))
        .hasMessageContaining("another host");
    assertThat(caller.calls()).isEmpty();
  }
}
