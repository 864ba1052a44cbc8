package io.alertstream.connectors.rendering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Alertmanager's hashed group key: the SHA-256 of the group key, in hex. It names a group at the
 * other end: PagerDuty's dedup key, OpsGenie's alias, VictorOps' entity id, an SNS FIFO message
 * group, Jira's {@code ALERT{...}} label.
 */
public final class GroupKeyHash {

  private GroupKeyHash() {}

  public static String of(String groupKey) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(groupKey.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
