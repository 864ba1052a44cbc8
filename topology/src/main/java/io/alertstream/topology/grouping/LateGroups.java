package io.alertstream.topology.grouping;

import java.util.HashMap;
import java.util.Map;

/**
 * Groups that fell due the moment an alert joined them: the topology read the alert after
 * group_wait had passed since the API received it (it lags behind a storm), or the alert had
 * started long before. Alertmanager inserts a whole POST before such a group flushes. Here the
 * records of one POST can be read across two polls with a commit between them, and the flush must
 * not take the first half alone: the rest would wait a whole group_interval. So a late group waits
 * until one of these holds:
 *
 * <ul>
 *   <li>an alert received after the group's newest one has been read (its POST is read through);
 *   <li>no alert has been read for {@link #QUIET_MS} (the task has caught up);
 *   <li>it has waited {@link #MAX_WAIT_MS}.
 * </ul>
 *
 * <p>One per task, in memory: after a restart a late group flushes at once, as it did before.
 */
public final class LateGroups {

  static final long QUIET_MS = 50;
  static final long MAX_WAIT_MS = 1_000;

  private record Waiting(long newestReceipt, long since) {}

  private final Map<String, Waiting> waiting = new HashMap<>();
  private long newestReceiptRead = Long.MIN_VALUE;
  private long lastReadAt = Long.MIN_VALUE;

  /** An alert the API received at {@code receivedAt} was read at {@code now}. */
  public void read(long receivedAt, long now) {
    newestReceiptRead = Math.max(newestReceiptRead, receivedAt);
    lastReadAt = now;
  }

  /**
   * The group under {@code key} now has {@code group} after an alert received at {@code receivedAt}
   * joined it; remembered if that made it due at once.
   */
  public void joined(String key, GroupState group, long receivedAt, long now) {
    if (group.hasFlushed() || group.nextFlushAt() > now + GroupState.IMMEDIATE_FLUSH_SETTLE_MS) {
      return;
    }
    waiting.merge(
        key,
        new Waiting(receivedAt, now),
        (a, b) -> new Waiting(Math.max(a.newestReceipt(), b.newestReceipt()), a.since()));
  }

  /** Whether the group under {@code key}, being due, may flush at {@code now}. */
  public boolean mayFlush(String key, long now) {
    Waiting w = waiting.get(key);
    if (w == null) {
      return true;
    }
    boolean ready =
        newestReceiptRead > w.newestReceipt()
            || now - lastReadAt >= QUIET_MS
            || now - w.since() >= MAX_WAIT_MS;
    if (ready) {
      waiting.remove(key);
    }
    return ready;
  }

  /** Forgets groups that were deleted without flushing (a reload regroups a tenant). */
  public void forgetOlderThan(long now) {
    waiting.values().removeIf(w -> now - w.since() >= MAX_WAIT_MS);
  }

  public int size() {
    return waiting.size();
  }
}
