package io.alertstream.topology.streams;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.grouping.GroupState;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary encodings of the two records read and written for every incoming alert (the alert
 * and its groups). Each starts with a format version byte. Format 2 (written now) holds strings as
 * a varint length and UTF-8; format 1 (Java's modified UTF-8 through {@link DataInputStream}, read
 * a character at a time, the stream thread's largest single cost in a profile of a storm) is still
 * read, so state written by earlier versions restores.
 */
public final class BinaryStateSerdes {

  private static final byte VERSION_1 = 1;
  private static final byte VERSION_2 = 2;

  private BinaryStateSerdes() {}

  public static final Serde<Alert> ALERT =
      serde(
          Alert.class,
          (out, a) -> {
            out.string(a.fingerprint());
            out.map(a.labels());
            out.map(a.annotations());
            out.fixed64(a.startsAt());
            out.fixed64(a.endsAt());
            out.string(a.generatorUrl());
            out.fixed64(a.updatedAt());
            out.bool(a.timeout());
          },
          in ->
              new Alert(
                  in.string(),
                  in.map(),
                  in.map(),
                  in.fixed64(),
                  in.fixed64(),
                  in.string(),
                  in.fixed64(),
                  in.bool()),
          BinaryStateSerdes::alertV1);

  static final Serde<GroupState> GROUP =
      serde(
          GroupState.class,
          (out, g) -> {
            out.string(g.routeId());
            out.string(g.groupKey());
            out.map(g.groupLabels());
            out.string(g.receiver());
            out.varint(g.fingerprints().size());
            for (String fp : g.fingerprints()) {
              out.string(fp);
            }
            out.fixed64(g.nextFlushAt());
            out.bool(g.hasFlushed());
          },
          in -> {
            String routeId = in.string();
            String groupKey = in.string();
            Map<String, String> labels = in.map();
            String receiver = in.string();
            int n = in.varint();
            Set<String> fps = new TreeSet<>();
            for (int i = 0; i < n; i++) {
              fps.add(in.string());
            }
            return new GroupState(
                routeId, groupKey, labels, receiver, fps, in.fixed64(), in.bool());
          },
          BinaryStateSerdes::groupV1);

  private static <T> Serde<T> serde(
      Class<T> type,
      BiConsumer<Output, T> writer,
      Function<Input, T> reader,
      V1Reader<T> readerV1) {
    Serializer<T> serializer =
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          Output out = new Output();
          out.bytes[out.length++] = VERSION_2;
          writer.accept(out, value);
          return Arrays.copyOf(out.bytes, out.length);
        };
    Deserializer<T> deserializer =
        (topic, data) -> {
          if (data == null) {
            return null;
          }
          try {
            if (data.length > 0 && data[0] == VERSION_2) {
              return reader.apply(new Input(data));
            }
            if (data.length > 0 && data[0] == VERSION_1) {
              return readerV1.read(
                  new DataInputStream(new ByteArrayInputStream(data, 1, data.length)));
            }
          } catch (IOException | RuntimeException e) {
            throw new SerializationException("could not read " + type.getSimpleName(), e);
          }
          throw new SerializationException(
              type.getSimpleName()
                  + " state in unknown format "
                  + (data.length == 0 ? "(empty)" : data[0]));
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  /** Writes format 2 into a growing array. */
  static final class Output {
    byte[] bytes = new byte[256];
    int length;

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }

    void varint(int value) {
      ensure(5);
      while ((value & ~0x7F) != 0) {
        bytes[length++] = (byte) ((value & 0x7F) | 0x80);
        value >>>= 7;
      }
      bytes[length++] = (byte) value;
    }

    void fixed64(long value) {
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        bytes[length++] = (byte) (value >>> shift);
      }
    }

    void bool(boolean value) {
      ensure(1);
      bytes[length++] = (byte) (value ? 1 : 0);
    }

    void string(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      varint(utf8.length);
      ensure(utf8.length);
      System.arraycopy(utf8, 0, bytes, length, utf8.length);
      length += utf8.length;
    }

    void map(Map<String, String> map) {
      varint(map.size());
      for (Map.Entry<String, String> e : map.entrySet()) {
        string(e.getKey());
        string(e.getValue());
      }
    }
  }

  /** Reads format 2, after the version byte. */
  static final class Input {
    private final byte[] bytes;
    private int position = 1;

    Input(byte[] bytes) {
      this.bytes = bytes;
    }

    int varint() {
      int value = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        byte b = bytes[position++];
        value |= (b & 0x7F) << shift;
        if (b >= 0) {
          return value;
        }
      }
      throw new IllegalStateException("varint longer than 5 bytes");
    }

    long fixed64() {
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (bytes[position++] & 0xFF);
      }
      return value;
    }

    boolean bool() {
      return bytes[position++] != 0;
    }

    String string() {
      int n = varint();
      String value = new String(bytes, position, n, StandardCharsets.UTF_8);
      position += n;
      return value;
    }

    Map<String, String> map() {
      int n = varint();
      Map<String, String> map = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        map.put(string(), string());
      }
      return map;
    }
  }

  private interface V1Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static Alert alertV1(DataInputStream in) throws IOException {
    return new Alert(
        in.readUTF(),
        mapV1(in),
        mapV1(in),
        in.readLong(),
        in.readLong(),
        in.readUTF(),
        in.readLong(),
        in.readBoolean());
  }

  private static GroupState groupV1(DataInputStream in) throws IOException {
    String routeId = in.readUTF();
    String groupKey = in.readUTF();
    Map<String, String> labels = mapV1(in);
    String receiver = in.readUTF();
    int n = in.readInt();
    Set<String> fps = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      fps.add(in.readUTF());
    }
    return new GroupState(
        routeId, groupKey, labels, receiver, fps, in.readLong(), in.readBoolean());
  }

  private static Map<String, String> mapV1(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      map.put(in.readUTF(), in.readUTF());
    }
    return map;
  }
}
