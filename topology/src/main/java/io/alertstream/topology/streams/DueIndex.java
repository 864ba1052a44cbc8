package io.alertstream.topology.streams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * When each aggregation group of a task is next due, in due order. Kept in memory only: it is
 * rebuilt from the group store (each group holds its next flush time) when the task starts, so it
 * costs no changelog record.
 */
final class DueIndex {

  /** One group's next flush. */
  record Due(long at, String groupKey) {}

  private static final Comparator<Due> ORDER =
      Comparator.comparingLong(Due::at).thenComparing(Due::groupKey);

  private final NavigableSet<Due> due = new TreeSet<>(ORDER);

  void add(long at, String groupKey) {
    due.add(new Due(at, groupKey));
  }

  void remove(long at, String groupKey) {
    due.remove(new Due(at, groupKey));
  }

  /** The earliest due time, {@code Long.MAX_VALUE} when no group is waiting. */
  long earliest() {
    return due.isEmpty() ? Long.MAX_VALUE : due.first().at();
  }

  /** Takes (removes and returns) up to {@code max} entries due at or before {@code upTo}. */
  List<Due> take(long upTo, int max) {
    List<Due> taken = new ArrayList<>();
    while (taken.size() < max && !due.isEmpty() && due.first().at() <= upTo) {
      taken.add(due.pollFirst());
    }
    return taken;
  }

  int size() {
    return due.size();
  }
}
