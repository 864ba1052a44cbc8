package io.alertstream.topology.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the due-time index: the due time (8 bytes, big-endian, so keys sort by time), then the
 * group's state key. A range scan from a due time finds the groups in due order.
 */
final class TimerKeys {

  private TimerKeys() {}

  static Bytes of(long dueAt, String groupKey) {
    byte[] id = groupKey.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(8 + id.length).putLong(dueAt).put(id).array());
  }

  /** The first key due at {@code dueAt}. */
  static Bytes from(long dueAt) {
    return Bytes.wrap(ByteBuffer.allocate(8).putLong(dueAt).array());
  }

  static long dueAt(Bytes key) {
    return ByteBuffer.wrap(key.get()).getLong();
  }

  static String groupKey(Bytes key) {
    byte[] bytes = key.get();
    return new String(Arrays.copyOfRange(bytes, 8, bytes.length), StandardCharsets.UTF_8);
  }
}
