package io.alertstream.topology.grouping;

/**
 * How far a task has read its alerts, in the API's receipt time. Alertmanager flushes a group at
 * its due time with every alert it has received by then. The topology may read alerts later than
 * the API received them (it lags behind a storm, or catches up after a restart), so a group due at
 * {@code t} may flush only once the task has read the alerts received up to {@code t}: once it has
 * read one received {@link #SKEW_MS} after {@code t} (records of concurrent POSTs, or of several
 * API instances, are not quite in receipt order), or once it has read nothing for {@link #QUIET_MS}
 * (it has caught up). Otherwise a POST read across two polls, or the next POST of the same group,
 * would miss the flush and wait a whole group_interval.
 *
 * <p>One per task, in memory: after a restart it starts from the first alert read.
 */
public final class ReceiptWatermark {

  static final long SKEW_MS = 50;
  static final long QUIET_MS = 50;

  private long newestReceipt = Long.MIN_VALUE;
  private long lastReadAt = Long.MIN_VALUE;

  /** An alert the API received at {@code receivedAt} was read at {@code now}. */
  public void read(long receivedAt, long now) {
    newestReceipt = Math.max(newestReceipt, receivedAt);
    lastReadAt = now;
  }

  /** Groups due at or before this may flush at {@code now}. */
  public long flushableUpTo(long now) {
    if (lastReadAt == Long.MIN_VALUE || now - lastReadAt >= QUIET_MS) {
      return now;
    }
    return Math.min(now, newestReceipt - SKEW_MS);
  }
}
