package io.alertstream.topology.streams;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.serde.RegistryUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class RegistryOutagesTest {

  private long now = 1_000_000;
  private final List<Long> pauses = new ArrayList<>();
  private final RegistryOutages outages =
      new RegistryOutages(() -> now, millis -> pauses.add(millis));

  @Test
  void aThreadStoppedByTheRegistryIsReplacedAfterAPause() {
    assertThat(outages.handle(outage())).isEqualTo(REPLACE_THREAD);
    assertThat(pauses).containsExactly(RegistryOutages.FIRST_PAUSE.toMillis());
  }

  @Test
  void anyOtherFailureShutsTheClientDownAsKafkaStreamsWould() {
    assertThat(outages.handle(new StreamsException(new IllegalStateException("bug"))))
        .isEqualTo(SHUTDOWN_CLIENT);
    assertThat(pauses).isEmpty();
  }

  @Test
  void thePauseDoublesWhileTheOutageLastsUpToTheLongest() {
    for (int i = 0; i < 8; i++) {
      outages.handle(outage());
      now += pauses.get(pauses.size() - 1) + 3_000;
    }

    assertThat(pauses)
        .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
  }

  @Test
  void aNewOutageAfterAQuietSpellStartsWithTheFirstPause() {
    outages.handle(outage());
    outages.handle(outage());
    now += 10 * RegistryOutages.LONGEST_PAUSE.toMillis();

    outages.handle(outage());

    assertThat(pauses).containsExactly(1_000L, 2_000L, 1_000L);
  }

  private static Throwable outage() {
    return new StreamsException(
        "task 0_1 failed", new RegistryUnavailableException("registry unreachable"));
  }
}
