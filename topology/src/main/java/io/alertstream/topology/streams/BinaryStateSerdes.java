package io.alertstream.topology.streams;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.grouping.GroupState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary encodings of the two records read and written for every incoming alert (the alert
 * and its groups). Each starts with a format version byte, so a later format can still read these.
 */
final class BinaryStateSerdes {

  private static final byte VERSION = 1;

  private BinaryStateSerdes() {}

  interface Writer<T> {
    void write(DataOutputStream out, T value) throws IOException;
  }

  interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  static final Serde<Alert> ALERT =
      serde(
          Alert.class,
          (out, a) -> {
            out.writeUTF(a.fingerprint());
            writeMap(out, a.labels());
            writeMap(out, a.annotations());
            out.writeLong(a.startsAt());
            out.writeLong(a.endsAt());
            out.writeUTF(a.generatorUrl());
            out.writeLong(a.updatedAt());
            out.writeBoolean(a.timeout());
          },
          in ->
              new Alert(
                  in.readUTF(),
                  readMap(in),
                  readMap(in),
                  in.readLong(),
                  in.readLong(),
                  in.readUTF(),
                  in.readLong(),
                  in.readBoolean()));

  static final Serde<GroupState> GROUP =
      serde(
          GroupState.class,
          (out, g) -> {
            out.writeUTF(g.routeId());
            out.writeUTF(g.groupKey());
            writeMap(out, g.groupLabels());
            out.writeUTF(g.receiver());
            out.writeInt(g.fingerprints().size());
            for (String fp : g.fingerprints()) {
              out.writeUTF(fp);
            }
            out.writeLong(g.nextFlushAt());
            out.writeBoolean(g.hasFlushed());
          },
          in -> {
            String routeId = in.readUTF();
            String groupKey = in.readUTF();
            Map<String, String> labels = readMap(in);
            String receiver = in.readUTF();
            int n = in.readInt();
            Set<String> fps = new LinkedHashSet<>(n * 2);
            for (int i = 0; i < n; i++) {
              fps.add(in.readUTF());
            }
            return new GroupState(
                routeId, groupKey, labels, receiver, fps, in.readLong(), in.readBoolean());
          });

  private static <T> Serde<T> serde(Class<T> type, Writer<T> writer, Reader<T> reader) {
    Serializer<T> serializer =
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
          try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(out, value);
          } catch (IOException e) {
            throw new SerializationException("could not write " + type.getSimpleName(), e);
          }
          return bytes.toByteArray();
        };
    Deserializer<T> deserializer =
        (topic, data) -> {
          if (data == null) {
            return null;
          }
          try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
              throw new SerializationException(
                  type.getSimpleName() + " state in unknown format " + version);
            }
            return reader.read(in);
          } catch (IOException e) {
            throw new SerializationException("could not read " + type.getSimpleName(), e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  private static Map<String, String> readMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, String> map = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      map.put(in.readUTF(), in.readUTF());
    }
    return map;
  }
}
