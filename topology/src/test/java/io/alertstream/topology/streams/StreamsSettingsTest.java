package io.alertstream.topology.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  private static final Path STATE = Path.of("/tmp/unused");

  @Test
  void aPollWithNothingToReadWaitsNoLongerThanATickMayBeLate() {
    var props = StreamsSettings.properties(Map.of(), STATE, 1, 0, 1, null, null);

    assertThat(props.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(StreamsSettings.POLL_MS);
    assertThat(StreamsSettings.POLL_MS).isLessThan(100L);
  }

  @Test
  void theOperatorsKafkaSettingsWinOverTheDefaults() {
    var props =
        StreamsSettings.properties(
            Map.of(StreamsConfig.POLL_MS_CONFIG, "100", "main.consumer.fetch.max.wait.ms", "500"),
            STATE,
            1,
            0,
            1,
            null,
            null);

    assertThat(props.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo("100");
    assertThat(props.get("main.consumer.fetch.max.wait.ms")).isEqualTo("500");
  }

  @Test
  void unreadableRecordsAreDeadLetteredNotSkipped() {
    var props = StreamsSettings.properties(Map.of(), STATE, 1, 0, 1, null, null);

    assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterUnreadableRecords.class.getName());
  }
}
