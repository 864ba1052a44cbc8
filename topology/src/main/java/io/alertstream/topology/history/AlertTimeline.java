package io.alertstream.topology.history;

import java.util.List;
import java.util.Map;

/**
 * One alert's history in a range: when it fired, when it was notified, and when it was silenced,
 * inhibited or muted. Times are epoch milliseconds.
 *
 * @param lastActive its latest receipt, decision or end: what the most recently active alerts are
 *     chosen by
 * @param truncated whether older periods, notifications or spans were left out (per-alert caps)
 */
public record AlertTimeline(
    String fingerprint,
    Map<String, String> labels,
    List<Period> periods,
    List<Marker> notifications,
    List<Span> silenced,
    List<Span> inhibited,
    List<Span> muted,
    long lastActive,
    boolean truncated) {

  /**
   * One firing period: one startsAt, ending at the end the receipts gave it.
   *
   * @param start its start, or the range's start if it started before (then {@code clipped})
   * @param end its end, or null while it is still firing
   */
  public record Period(long start, Long end, boolean clipped) {}

  /**
   * A notification that named the alert.
   *
   * @param ref the notification id
   * @param text the decision in plain words (receiver, integration, reason, status)
   */
  public record Marker(long at, String ref, String text) {}

  /**
   * Consecutive flushes that decided the same about the alert, for the same reason.
   *
   * @param from the first such flush
   * @param to the last such flush
   * @param ref the silence id, the inhibiting alert's fingerprint or the time interval
   * @param count how many flushes decided it
   * @param text the last decision in plain words
   */
  public record Span(long from, long to, String ref, int count, String text) {}
}
