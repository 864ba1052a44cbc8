package io.alertstream.topology.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.grouping.GroupState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
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
  void readsStateWrittenInFormat1() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeUTF("0.1");
      out.writeUTF("{}:{a=\"b\"}");
      out.writeInt(1);
      out.writeUTF("a");
      out.writeUTF("bé");
      out.writeUTF("team");
      out.writeInt(2);
      out.writeUTF("f2");
      out.writeUTF("f1");
      out.writeLong(42);
      out.writeBoolean(true);
    }

    assertThat(BinaryStateSerdes.GROUP.deserializer().deserialize("t", bytes.toByteArray()))
        .isEqualTo(
            new GroupState(
                "0.1", "{}:{a=\"b\"}", Map.of("a", "bé"), "team", Set.of("f1", "f2"), 42, true));
  }

  @Test
  void writesFormat2WithLongStringsAndManyLabels() {
    Map<String, String> labels = new java.util.HashMap<>();
    for (int i = 0; i < 300; i++) {
      labels.put("label" + i, "x".repeat(i));
    }
    Alert alert = new Alert("f", labels, Map.of(), -5, Long.MAX_VALUE, "", 0, false);

    byte[] bytes = BinaryStateSerdes.ALERT.serializer().serialize("t", alert);

    assertThat(bytes[0]).isEqualTo((byte) 2);
    assertThat(BinaryStateSerdes.ALERT.deserializer().deserialize("t", bytes)).isEqualTo(alert);
  }

  @Test
  void refusesAnUnknownFormatVersion() {
    assertThatThrownBy(
            () -> BinaryStateSerdes.ALERT.deserializer().deserialize("t", new byte[] {9, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown format 9");
  }
}
