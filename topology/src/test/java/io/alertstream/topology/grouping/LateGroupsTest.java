package io.alertstream.topology.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LateGroupsTest {

  private static final long RECEIVED = 1_000_000;
  private static final long NOW = RECEIVED + 10_000; // the topology reads ten seconds late

  private final LateGroups late = new LateGroups();

  private static GroupState group(long nextFlushAt, boolean hasFlushed) {
    return new GroupState("0", "{}:{}", Map.of(), "r", Set.of("a"), nextFlushAt, hasFlushed);
  }

  @Test
  void aLateGroupWaitsUntilAnAlertReceivedAfterItsNewestIsRead() {
    late.read(RECEIVED, NOW);
    late.joined("g", group(NOW + 50, false), RECEIVED, NOW);

    assertThat(late.mayFlush("g", NOW + 40)).isFalse();
    late.read(RECEIVED, NOW + 40); // the rest of the same POST
    assertThat(late.mayFlush("g", NOW + 60)).isFalse();
    late.read(RECEIVED + 5, NOW + 70); // the next POST
    assertThat(late.mayFlush("g", NOW + 75)).isTrue();
    assertThat(late.size()).isZero();
  }

  @Test
  void aLateGroupFlushesOnceNothingHasBeenReadForAWhile() {
    late.read(RECEIVED, NOW);
    late.joined("g", group(NOW + 50, false), RECEIVED, NOW);

    assertThat(late.mayFlush("g", NOW + LateGroups.QUIET_MS - 1)).isFalse();
    assertThat(late.mayFlush("g", NOW + LateGroups.QUIET_MS)).isTrue();
  }

  @Test
  void aLateGroupWaitsAtMostMaxWait() {
    late.joined("g", group(NOW + 50, false), RECEIVED, NOW);
    for (long t = NOW; t < NOW + LateGroups.MAX_WAIT_MS; t += 25) {
      late.read(RECEIVED, t); // a POST that never seems to end
      assertThat(late.mayFlush("g", t)).isFalse();
    }
    assertThat(late.mayFlush("g", NOW + LateGroups.MAX_WAIT_MS)).isTrue();
  }

  @Test
  void groupsDueLaterOrAlreadyFlushedDoNotWait() {
    late.read(RECEIVED, NOW);
    late.joined("onTime", group(NOW + 30_000, false), RECEIVED, NOW);
    late.joined("flushed", group(NOW + 50, true), RECEIVED, NOW);

    assertThat(late.size()).isZero();
    assertThat(late.mayFlush("onTime", NOW)).isTrue();
    assertThat(late.mayFlush("flushed", NOW)).isTrue();
  }

  @Test
  void forgetsGroupsThatWereNeverAskedFor() {
    late.joined("g", group(NOW + 50, false), RECEIVED, NOW);
    late.forgetOlderThan(NOW + LateGroups.MAX_WAIT_MS);
    assertThat(late.size()).isZero();
  }
}
