package io.alertstream.config.routing;

import io.alertstream.config.matchers.Matchers;
import io.alertstream.templates.GoQuote;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node of a tenant's immutable routing tree, with its effective options. {@link #match} walks the
 * tree depth-first as Alertmanager's dispatcher does.
 */
public final class Route {

  private final Route parent;
  private final Matchers matchers;
  private final boolean continueMatching;
  private final RouteOptions options;
  private final List<String> muteTimeIntervals;
  private final List<String> activeTimeIntervals;
  private final String key;
  private final List<Route> children = new ArrayList<>();
  private final List<Route> childrenView = Collections.unmodifiableList(children);

  Route(
      Route parent,
      Matchers matchers,
      boolean continueMatching,
      RouteOptions options,
      List<String> muteTimeIntervals,
      List<String> activeTimeIntervals) {
    this.parent = parent;
    this.matchers = matchers;
    this.continueMatching = continueMatching;
    this.options = options;
    this.muteTimeIntervals = List.copyOf(muteTimeIntervals);
    this.activeTimeIntervals = List.copyOf(activeTimeIntervals);
    this.key = (parent == null ? "" : parent.key + "/") + matchers;
    if (parent != null) {
      parent.children.add(this);
    }
  }

  /**
   * The routes an alert with these labels lands in: depth-first, children in order; the first
   * matching child ends the search unless it continues; a route none of whose children match is
   * itself the match. Empty when this route's own matchers do not match.
   */
  public List<Route> match(Map<String, String> labels) {
    List<Route> all = new ArrayList<>(1);
    collect(labels, all);
    return all;
  }

  private boolean collect(Map<String, String> labels, List<Route> out) {
    if (!matchers.matches(labels)) {
      return false;
    }
    int before = out.size();
    for (Route child : children) {
      if (child.collect(labels, out) && !child.continueMatching) {
        break;
      }
    }
    if (out.size() == before) {
      out.add(this);
    }
    return true;
  }

  /** The labels of an alert that define its group in this route. */
  public Map<String, String> groupLabels(Map<String, String> labels) {
    Map<String, String> group = new TreeMap<>();
    if (options.groupByAll()) {
      group.putAll(labels);
    } else {
      for (String name : options.groupBy()) {
        String value = labels.get(name);
        if (value != null && !value.isEmpty()) {
          group.put(name, value);
        }
      }
    }
    return group;
  }

  /** Alertmanager's group key: {@code <route key>:<group labels>}. */
  public String groupKey(Map<String, String> groupLabels) {
    StringBuilder out = new StringBuilder(key).append(":{");
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(groupLabels).entrySet()) {
      if (!first) {
        out.append(", ");
      }
      out.append(e.getKey()).append('=').append(GoQuote.quote(e.getValue()));
      first = false;
    }
    return out.append('}').toString();
  }

  /** {@code {}} for the root, then {@code /} and each route's matchers down the tree. */
  public String key() {
    return key;
  }

  public Route parent() {
    return parent;
  }

  public List<Route> children() {
    return childrenView;
  }

  public Matchers matchers() {
    return matchers;
  }

  public boolean continueMatching() {
    return continueMatching;
  }

  public RouteOptions options() {
    return options;
  }

  public String receiver() {
    return options.receiver();
  }

  public List<String> muteTimeIntervals() {
    return muteTimeIntervals;
  }

  public List<String> activeTimeIntervals() {
    return activeTimeIntervals;
  }

  @Override
  public String toString() {
    return "Route[" + key + " -> " + options.receiver() + "]";
  }
}
