package io.alertstream.topology.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class PostMarkTest {

  @Test
  void readsWhatItWrites() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(new PostMark("3f2a-17", 12).header());
    assertThat(PostMark.of(headers)).contains(new PostMark("3f2a-17", 12));
  }

  @Test
  void aMissingOrMalformedMarkIsNone() {
    assertThat(PostMark.of(new RecordHeaders())).isEmpty();
    for (String bad : new String[] {"", "p", "/3", "p/x", "p/-1"}) {
      RecordHeaders headers = new RecordHeaders();
      headers.add(PostMark.HEADER, bad.getBytes(StandardCharsets.UTF_8));
      assertThat(PostMark.of(headers)).as(bad).isEmpty();
    }
  }
}
