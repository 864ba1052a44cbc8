package io.alertstream.topology.grouping;

/** The notification log is kept per group, receiver and integration (type and index). */
public record NotificationLogKey(
    String groupKey, String receiver, String integrationType, int index) {

  /** A store key, without the tenant. */
  public String encode() {
    return groupKey + '\u0000' + receiver + '\u0000' + integrationType + '\u0000' + index;
  }
}
