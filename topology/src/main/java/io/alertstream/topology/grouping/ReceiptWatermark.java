package io.alertstream.topology.grouping;

import java.util.OptionalLong;

/**
 * How far a task has read its alerts, in the API's receipt time. Alertmanager flushes a group at
 * its due time with every alert it has received by then. The topology may read alerts later than
 * the API received them (it lags behind a storm, or catches up after a restart), so a group due at
 * {@code t} may flush only once the task has read the alerts received up to {@code t}: once it has
 * read one received {@link #SKEW_MS} after {@code t} (records of concurrent POSTs, or of several
 * API instances, are not quite in receipt order), or once it has read every record of its alerts
 * partition. Otherwise a POST read across two polls, or the next POST of the same group, would miss
 * the flush and wait a whole group_interval.
 *
 * <p>"Read every record" compares the offset of the last alert read with the partition's end offset
 * as last asked of the broker ({@code InputEnds}). A gap of one record after {@link #QUIET_MS}
 * without reading counts as caught up (a transaction marker takes an offset); with no end offset
 * known, {@link #QUIET_MS} without reading does; and {@link #MAX_HOLD_MS} without reading always
 * does (say, the last records were dead-lettered).
 *
 * <p>One per task, in memory: after a restart it starts from the first alert read.
 */
public final class ReceiptWatermark {

  static final long SKEW_MS = 50;
  static final long QUIET_MS = 50;
  static final long MAX_HOLD_MS = 5_000;

  private long newestReceipt = Long.MIN_VALUE;
  private long lastReadAt = Long.MIN_VALUE;
  private long lastOffset = -1;

  /** The alert at {@code offset}, received by the API at {@code receivedAt}, was read at now. */
  public void read(long receivedAt, long offset, long now) {
    newestReceipt = Math.max(newestReceipt, receivedAt);
    lastReadAt = now;
    lastOffset = Math.max(lastOffset, offset);
  }

  /** Groups due at or before this may flush, by the alerts read alone. */
  public long readUpTo() {
    return newestReceipt == Long.MIN_VALUE ? Long.MIN_VALUE : newestReceipt - SKEW_MS;
  }

  /**
   * Groups due at or before this may flush at {@code now}, given the end offset of the alerts
   * partition if known.
   */
  public long flushableUpTo(long now, OptionalLong endOffset) {
    return caughtUp(now, endOffset) ? now : Math.min(now, readUpTo());
  }

  private boolean caughtUp(long now, OptionalLong endOffset) {
    if (lastReadAt == Long.MIN_VALUE) {
      return true;
    }
    long idle = now - lastReadAt;
    if (idle >= MAX_HOLD_MS) {
      return true;
    }
    if (endOffset.isEmpty()) {
      return idle >= QUIET_MS;
    }
    long unread = endOffset.getAsLong() - (lastOffset + 1);
    return unread <= 0 || (unread == 1 && idle >= QUIET_MS);
  }
}
