package io.alertstream.topology.replay;

import java.util.List;

/**
 * A tenant's inputs and outputs between two instants, read back from Kafka.
 *
 * @param alerts raw alert records (Confluent wire format), in log order
 * @param silences raw silence records, in log order, from the start of the retained log
 * @param sent the notifications the live topology emitted in the range
 */
public record Recorded(List<Input> alerts, List<Input> silences, List<Sent> sent) {

  /** One record: its timestamp and value bytes. */
  public record Input(long timestamp, byte[] value) {}

  /** A notification in a form both runs can be compared on. */
  public record Sent(
      long at,
      String receiver,
      String integration,
      int index,
      String groupKey,
      String status,
      List<String> firing,
      List<String> resolved) {

    /** What two runs must agree on: everything but the time. */
    public String identity() {
      return receiver
          + "|"
          + integration
          + "|"
          + index
          + "|"
          + groupKey
          + "|"
          + status
          + "|"
          + firing
          + "|"
          + resolved;
    }
  }
}
