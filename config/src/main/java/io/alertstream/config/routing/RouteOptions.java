package io.alertstream.config.routing;

import java.time.Duration;
import java.util.List;

/**
 * A route's effective options, after inheritance from its parent.
 *
 * @param groupBy label names to group by, sorted; ignored when {@code groupByAll}
 * @param groupByAll {@code group_by: ['...']}: group by every label
 */
public record RouteOptions(
    String receiver,
    List<String> groupBy,
    boolean groupByAll,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval) {

  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  public RouteOptions {
    groupBy = List.copyOf(groupBy);
  }
}
