package io.alertstream.schemas.serde;

import io.alertstream.schemas.AlertBatch;
import io.alertstream.schemas.AlertEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts a tenant's alerts into {@link AlertBatch} records whose encoded size stays at or below a
 * budget, so that each fits under the topic's maximum message size. An alert larger than the budget
 * on its own goes alone.
 */
public final class AlertBatches {

  /**
   * Half of Kafka's default maximum message size (1 MiB, {@code message.max.bytes} and the
   * producer's {@code max.request.size}), which leaves room for the record's framing.
   */
  public static final int DEFAULT_MAX_BYTES = 512 * 1024;

  private AlertBatches() {}

  public static List<AlertBatch> of(List<AlertEvent> alerts, int maxBytes) {
    List<AlertBatch> batches = new ArrayList<>();
    List<AlertEvent> current = new ArrayList<>();
    long bytes = 0;
    for (AlertEvent alert : alerts) {
      long size = encodedSize(alert);
      if (!current.isEmpty() && bytes + size > maxBytes) {
        batches.add(new AlertBatch(current));
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(alert);
      bytes += size;
    }
    if (!current.isEmpty()) {
      batches.add(new AlertBatch(current));
    }
    return batches;
  }

  /**
   * An upper bound of the alert's Avro binary size: UTF-8 bytes of every string, plus at most 5
   * bytes per length or count and 10 per timestamp.
   */
  static long encodedSize(AlertEvent alert) {
    long size = 2 * 5 + 3 * (1 + 10) + 2;
    size += mapSize(alert.getLabels()) + mapSize(alert.getAnnotations());
    if (alert.getGeneratorURL() != null) {
      size += 5 + utf8Length(alert.getGeneratorURL());
    }
    return size;
  }

  private static long mapSize(Map<String, String> map) {
    long size = 5;
    for (Map.Entry<String, String> e : map.entrySet()) {
      size += 10 + utf8Length(e.getKey()) + utf8Length(e.getValue());
    }
    return size;
  }

  static int utf8Length(String s) {
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c)) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }
}
