package io.alertstream.topology.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the due-time index: the due time (8 bytes, big-endian, so keys sort by time), then the
 * group's state key. A range scan up to "now" finds exactly the groups that are due.
 */
final class TimerKeys {

  static final Bytes FIRST = Bytes.wrap(new byte[8]);

  private TimerKeys() {}

  static Bytes of(long dueAt, String groupKey) {
    byte[] id = groupKey.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(8 + id.length).putLong(dueAt).put(id).array());
  }

  /** The first key due at {@code dueAt}. */
  static Bytes from(long dueAt) {
    return Bytes.wrap(ByteBuffer.allocate(8).putLong(dueAt).array());
  }

  /** Greater than every key due at or before {@code now}: 0xFF never occurs in UTF-8. */
  static Bytes upTo(long now) {
    return Bytes.wrap(ByteBuffer.allocate(9).putLong(now).put((byte) 0xFF).array());
  }

  static long dueAt(Bytes key) {
    return ByteBuffer.wrap(key.get()).getLong();
  }

  static String groupKey(Bytes key) {
    byte[] bytes = key.get();
    return new String(Arrays.copyOfRange(bytes, 8, bytes.length), StandardCharsets.UTF_8);
  }
}
