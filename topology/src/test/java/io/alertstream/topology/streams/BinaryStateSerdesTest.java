package io.alertstream.topology.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.grouping.GroupState;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class BinaryStateSerdesTest {

  @Test
  void alertsRoundTrip() {
    Alert alert =
        new Alert(
            "0011aabbccddeeff",
            Map.of("alertname", "Ünïcode", "x", ""),
            Map.of("summary", "s"),
            1,
            2,
            "http://g",
            3,
            true);

    byte[] bytes = BinaryStateSerdes.ALERT.serializer().serialize("t", alert);

    assertThat(BinaryStateSerdes.ALERT.deserializer().deserialize("t", bytes)).isEqualTo(alert);
  }

  @Test
  void groupsRoundTrip() {
    GroupState group =
        new GroupState(
            "0.1", "{}/{a=\"b\"}:{}", Map.of("a", "b"), "team", Set.of("f1", "f2"), 42, true);

    byte[] bytes = BinaryStateSerdes.GROUP.serializer().serialize("t", group);

    assertThat(BinaryStateSerdes.GROUP.deserializer().deserialize("t", bytes)).isEqualTo(group);
  }

  @Test
  void refusesAnUnknownFormatVersion() {
    assertThatThrownBy(
            () -> BinaryStateSerdes.ALERT.deserializer().deserialize("t", new byte[] {9, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown format 9");
  }
}
