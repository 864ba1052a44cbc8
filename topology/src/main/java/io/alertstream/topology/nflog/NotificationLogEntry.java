package io.alertstream.topology.nflog;

import java.util.Set;

/**
 * What was last notified to one integration for one group: the fingerprints of the firing and of
 * the resolved alerts, when, and until when the entry is kept.
 */
public record NotificationLogEntry(
    Set<String> firing, Set<String> resolved, long timestamp, long expiresAt) {

  public NotificationLogEntry {
    firing = Set.copyOf(firing);
    resolved = Set.copyOf(resolved);
  }
}
