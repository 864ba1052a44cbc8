package io.alertstream.topology.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DueIndexTest {

  private final DueIndex index = new DueIndex();

  @Test
  void takesWhatIsDueInDueOrderAndLeavesTheRest() {
    index.add(30, "c");
    index.add(10, "b");
    index.add(10, "a");
    index.add(20, "d");

    assertThat(index.earliest()).isEqualTo(10);
    assertThat(index.take(20, 10))
        .containsExactly(
            new DueIndex.Due(10, "a"), new DueIndex.Due(10, "b"), new DueIndex.Due(20, "d"));
    assertThat(index.earliest()).isEqualTo(30);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void takesAtMostTheGivenNumberAndForgetsRemovedTimers() {
    index.add(1, "a");
    index.add(2, "b");
    index.add(3, "c");
    index.remove(2, "b");
    index.remove(9, "a"); // not its due time: nothing removed

    assertThat(index.take(100, 1)).containsExactly(new DueIndex.Due(1, "a"));
    assertThat(index.take(100, 10)).containsExactly(new DueIndex.Due(3, "c"));
    assertThat(index.earliest()).isEqualTo(Long.MAX_VALUE);
  }
}
