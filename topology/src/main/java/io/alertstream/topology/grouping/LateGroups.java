package io.alertstream.topology.grouping;

import io.alertstream.topology.alerts.PostMark;
import java.util.HashMap;
import java.util.Map;

/**
 * Groups that fell due the moment an alert joined them, while the rest of that alert's POST is
 * still unread. A group falls due at once when the topology reads its alert after group_wait has
 * passed since the API received it (it lags behind a storm), or when the alert started long ago.
 * Alertmanager inserts a whole POST before such a group flushes. Here the records of one POST can
 * be read across two polls with a commit between them, and a flush in between would take the first
 * half alone while the rest waits a whole group_interval. So such a group waits until the last
 * record of the POST has been read (see {@link PostMark}), or at most {@link #MAX_WAIT_MS}.
 *
 * <p>One per task, in memory: after a restart a late group flushes at once, as without it.
 */
public final class LateGroups {

  static final long MAX_WAIT_MS = 2_000;

  private record Waiting(String post, long since) {}

  private final Map<String, Waiting> waiting = new HashMap<>();
  private final Map<String, Long> openPosts = new HashMap<>();

  /** A record with this mark was read at {@code now}. */
  public void read(PostMark mark, long now) {
    if (mark.remaining() > 0) {
      openPosts.putIfAbsent(mark.post(), now);
    } else {
      openPosts.remove(mark.post());
    }
  }

  /**
   * An alert of {@code post} (null: not marked) joined the group under {@code key}, which is now
   * {@code group}; the group is remembered if that made it due while the POST is still open.
   */
  public void joined(String key, GroupState group, String post, long now) {
    if (post == null
        || !openPosts.containsKey(post)
        || group.hasFlushed()
        || group.nextFlushAt() > now + GroupState.IMMEDIATE_FLUSH_SETTLE_MS) {
      return;
    }
    waiting.put(key, new Waiting(post, now));
  }

  /** Whether the group under {@code key}, being due, may flush at {@code now}. */
  public boolean mayFlush(String key, long now) {
    Waiting w = waiting.get(key);
    if (w == null) {
      return true;
    }
    if (openPosts.containsKey(w.post()) && now - w.since() < MAX_WAIT_MS) {
      return false;
    }
    waiting.remove(key);
    return true;
  }

  /** Forgets what is older than {@link #MAX_WAIT_MS}: deleted groups, POSTs never finished. */
  public void forgetOlderThan(long now) {
    waiting.values().removeIf(w -> now - w.since() >= MAX_WAIT_MS);
    openPosts.values().removeIf(since -> now - since >= MAX_WAIT_MS);
  }

  public int size() {
    return waiting.size();
  }
}
