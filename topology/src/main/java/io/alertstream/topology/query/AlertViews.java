package io.alertstream.topology.query;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.routing.Route;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.AlertOrder;
import io.alertstream.topology.inhibition.Inhibitor;
import io.alertstream.topology.silences.Silence;
import io.alertstream.topology.silences.SilenceSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out, at one instant, what Alertmanager's API says of a tenant's alerts: only alerts not yet
 * resolved, each with its receivers, silences and inhibiting alert; and the groups they form under
 * the routing tree.
 */
public final class AlertViews {

  /** One aggregation group as {@code /alerts/groups} shows it. */
  public record Group(Map<String, String> labels, String receiver, List<AlertView> alerts) {}

  private final AlertmanagerConfig config;
  private final List<AlertView> views = new ArrayList<>();

  public AlertViews(
      AlertmanagerConfig config, List<Alert> alerts, List<Silence> silences, long now) {
    this.config = config;
    SilenceSet active = new SilenceSet(silences, now);
    Inhibitor inhibitor = new Inhibitor(config.inhibitRules(), alerts, now);
    List<Alert> firing = new ArrayList<>();
    for (Alert a : alerts) {
      if (!a.resolvedAt(now)) {
        firing.add(a);
      }
    }
    firing.sort(AlertOrder.INSTANCE);
    for (Alert a : firing) {
      LinkedHashSet<String> receivers = new LinkedHashSet<>();
      for (Route route : config.route().match(a.labels())) {
        receivers.add(route.receiver());
      }
      Optional<String> inhibiting = inhibitor.inhibitedBy(a);
      views.add(
          new AlertView(
              a,
              new ArrayList<>(receivers),
              active.allSilencing(a.labels()),
              inhibiting.map(List::of).orElse(List.of())));
    }
  }

  public List<AlertView> alerts() {
    return views;
  }

  /**
   * The groups the given alerts form, ordered as Alertmanager orders them: by group labels, then by
   * receiver name.
   */
  public List<Group> groups(List<AlertView> selected) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (AlertView view : selected) {
      for (Route route : config.route().match(view.alert().labels())) {
        Map<String, String> labels = route.groupLabels(view.alert().labels());
        String key = route.key() + "\u0000" + route.groupKey(labels);
        groups
            .computeIfAbsent(key, k -> new Group(labels, route.receiver(), new ArrayList<>()))
            .alerts()
            .add(view);
      }
    }
    List<Group> out = new ArrayList<>(groups.values());
    out.sort(
        (a, b) -> {
          int byLabels = compareLabels(a.labels(), b.labels());
          return byLabels != 0 ? byLabels : a.receiver().compareTo(b.receiver());
        });
    return out;
  }

  /** Prometheus' label set order: pair by pair in name order, a prefix first. */
  static int compareLabels(Map<String, String> a, Map<String, String> b) {
    var left = new java.util.TreeMap<>(a).entrySet().iterator();
    var right = new java.util.TreeMap<>(b).entrySet().iterator();
    while (left.hasNext() && right.hasNext()) {
      var l = left.next();
      var r = right.next();
      int c = l.getKey().compareTo(r.getKey());
      if (c == 0) {
        c = l.getValue().compareTo(r.getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(left.hasNext(), right.hasNext());
  }
}
