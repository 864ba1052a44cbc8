package io.alertstream.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** Confluent's wire format: magic byte 0, a 4-byte big-endian schema id, then Avro binary. */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_LENGTH = 5;

  private WireFormat() {}

  public static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /** The schema id of a framed record, or a clear error when the bytes are not framed. */
  public static int schemaId(byte[] data) {
    if (data == null || data.length < HEADER_LENGTH) {
      throw new SerializationException(
          "not in Confluent wire format: "
              + (data == null ? "no bytes" : data.length + " bytes, fewer than the 5-byte header"));
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException(
          String.format(
              "not in Confluent wire format: first byte is 0x%02x, expected magic byte 0x00",
              data[0]));
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }
}
