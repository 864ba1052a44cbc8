package io.alertstream.config.cli;

import io.alertstream.config.routing.Route;
import java.util.List;

/**
 * Prints a routing tree as {@code amtool config routes} does, down to the two no-break spaces its
 * tree library puts after a vertical bar.
 */
public final class RouteTreePrinter {

  private RouteTreePrinter() {}

  public static String print(Route root) {
    StringBuilder out = new StringBuilder("Routing tree:\n.\n");
    node(root, "", true, out);
    return out.append('\n').toString();
  }

  private static void node(Route route, String indent, boolean last, StringBuilder out) {
    out.append(indent).append(last ? "└── " : "├── ");
    out.append(route.matchers().isEmpty() ? "default-route" : route.matchers().toString());
    if (route.continueMatching()) {
      out.append("  continue: true");
    }
    out.append("  receiver: ").append(route.receiver()).append('\n');
    List<Route> children = route.children();
    for (int i = 0; i < children.size(); i++) {
      node(
          children.get(i),
          indent + (last ? "    " : "│\u00a0\u00a0 "),
          i == children.size() - 1,
          out);
    }
  }
}
