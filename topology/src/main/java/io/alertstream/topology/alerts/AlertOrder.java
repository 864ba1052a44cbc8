package io.alertstream.topology.alerts;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeSet;

/** The order Alertmanager sorts a group's alerts in: by job, then instance, then all labels. */
public final class AlertOrder implements Comparator<Alert> {

  public static final AlertOrder INSTANCE = new AlertOrder();
  private static final String[] FIRST = {"job", "instance"};

  private AlertOrder() {}

  @Override
  public int compare(Alert a, Alert b) {
    for (String key : FIRST) {
      String x = a.labels().get(key);
      String y = b.labels().get(key);
      if (x == null && y == null) {
        continue;
      }
      if (x == null) {
        return 1;
      }
      if (y == null) {
        return -1;
      }
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return before(a.labels(), b.labels());
  }

  /** Prometheus' LabelSet.Before: fewer labels first, then value by value over sorted names. */
  private static int before(Map<String, String> a, Map<String, String> b) {
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    TreeSet<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    for (String name : names) {
      String x = a.get(name);
      String y = b.get(name);
      if (x == null) {
        return -1;
      }
      if (y == null) {
        return 1;
      }
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
