package io.alertstream.topology.grouping;

import io.alertstream.config.routing.Route;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Stable ids for the routes of one config: {@code 0} for the root, then the child's position
 * appended ({@code 0.2.1}). Route keys are not enough: two sibling routes may have equal matchers.
 */
public final class RouteIndex {

  private final Map<String, Route> byId = new HashMap<>();
  private final Map<Route, String> ids = new IdentityHashMap<>();

  public RouteIndex(Route root) {
    add(root, "0");
  }

  private void add(Route route, String id) {
    byId.put(id, route);
    ids.put(route, id);
    for (int i = 0; i < route.children().size(); i++) {
      add(route.children().get(i), id + "." + i);
    }
  }

  public Route route(String id) {
    return byId.get(id);
  }

  public String id(Route route) {
    return ids.get(route);
  }
}
