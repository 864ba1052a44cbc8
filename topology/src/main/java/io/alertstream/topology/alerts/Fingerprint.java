package io.alertstream.topology.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * An alert's identity, computed as Prometheus computes a label set's fingerprint: FNV-1a 64 over
 * the label pairs sorted by name (bytewise, as Go compares strings), each name and value followed
 * by the byte 0xFF, printed as 16 hex digits.
 */
public final class Fingerprint {

  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  private static final byte SEPARATOR = (byte) 0xFF;

  private Fingerprint() {}

  public static String of(Map<String, String> labels) {
    return hex16(hash(labels));
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** {@code value} as 16 lower-case hex digits, zero-padded (String.format is slow per alert). */
  public static String hex16(long value) {
    char[] digits = new char[16];
    for (int i = 15; i >= 0; i--) {
      digits[i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    return new String(digits);
  }

  static long hash(Map<String, String> labels) {
    byte[][] names = new byte[labels.size()][];
    int i = 0;
    for (String name : labels.keySet()) {
      names[i++] = name.getBytes(StandardCharsets.UTF_8);
    }
    Arrays.sort(names, Arrays::compareUnsigned);
    long h = OFFSET_BASIS;
    for (byte[] name : names) {
      h = add(h, name);
      h = add(h, SEPARATOR);
      h =
          add(
              h,
              labels
                  .get(new String(name, StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8));
      h = add(h, SEPARATOR);
    }
    return h;
  }

  private static long add(long h, byte[] bytes) {
    for (byte b : bytes) {
      h = add(h, b);
    }
    return h;
  }

  private static long add(long h, byte b) {
    return (h ^ (b & 0xFF)) * PRIME;
  }
}
