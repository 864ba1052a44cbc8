package io.alertstream.topology.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.topology.alerts.PostMark;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LateGroupsTest {

  private static final long NOW = 1_000_000;

  private final LateGroups late = new LateGroups();

  private static GroupState group(long nextFlushAt, boolean hasFlushed) {
    return new GroupState("0", "{}:{}", Map.of(), "r", Set.of("a"), nextFlushAt, hasFlushed);
  }

  @Test
  void aLateGroupWaitsUntilTheLastRecordOfItsPostIsRead() {
    late.read(new PostMark("p", 2), NOW);
    late.joined("g", group(NOW + 50, false), "p", NOW);

    assertThat(late.mayFlush("g", NOW + 100)).isFalse();
    late.read(new PostMark("other", 0), NOW + 110);
    late.read(new PostMark("p", 1), NOW + 120);
    assertThat(late.mayFlush("g", NOW + 150)).isFalse();
    late.read(new PostMark("p", 0), NOW + 160);
    assertThat(late.mayFlush("g", NOW + 175)).isTrue();
    assertThat(late.size()).isZero();
  }

  @Test
  void aLateGroupWaitsAtMostMaxWait() {
    late.read(new PostMark("p", 1), NOW);
    late.joined("g", group(NOW + 50, false), "p", NOW);

    assertThat(late.mayFlush("g", NOW + LateGroups.MAX_WAIT_MS - 1)).isFalse();
    assertThat(late.mayFlush("g", NOW + LateGroups.MAX_WAIT_MS)).isTrue();
  }

  @Test
  void groupsDueLaterFlushedBeforeOrOfAFinishedPostDoNotWait() {
    late.read(new PostMark("p", 1), NOW);
    late.joined("onTime", group(NOW + 30_000, false), "p", NOW);
    late.joined("flushed", group(NOW + 50, true), "p", NOW);
    late.joined("unmarked", group(NOW + 50, false), null, NOW);
    late.read(new PostMark("q", 0), NOW);
    late.joined("lastOfItsPost", group(NOW + 50, false), "q", NOW);

    assertThat(late.size()).isZero();
    assertThat(late.mayFlush("onTime", NOW)).isTrue();
  }

  @Test
  void forgetsGroupsAndPostsThatNeverFinished() {
    late.read(new PostMark("p", 1), NOW);
    late.joined("g", group(NOW + 50, false), "p", NOW);
    late.forgetOlderThan(NOW + LateGroups.MAX_WAIT_MS);
    assertThat(late.size()).isZero();

    late.joined("h", group(NOW + 50, false), "p", NOW + LateGroups.MAX_WAIT_MS);
    assertThat(late.size()).isZero(); // "p" is no longer open
  }
}
