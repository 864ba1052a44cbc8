package io.alertstream.config.routing;

import io.alertstream.config.ConfigWarnings;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.matchers.LabelNames;
import io.alertstream.config.matchers.MatchType;
import io.alertstream.config.matchers.Matcher;
import io.alertstream.config.matchers.MatcherParser;
import io.alertstream.config.matchers.MatcherSyntaxException;
import io.alertstream.config.matchers.Matchers;
import io.alertstream.config.yaml.Durations;
import io.alertstream.config.yaml.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Builds the routing tree from the {@code route} section, validating as Alertmanager does. */
public final class RouteParser {

  /** The names {@code match} and {@code match_re} take: still 0.25's, as in Alertmanager. */
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private static final String[] FIELDS = {
    "receiver",
    "group_by",
    "match",
    "match_re",
    "matchers",
    "continue",
    "routes",
    "group_wait",
    "group_interval",
    "repeat_interval",
    "mute_time_intervals",
    "active_time_intervals",
    "labels"
  };

  private final Set<String> receivers;
  private final Set<String> timeIntervals;
  private final ConfigWarnings warnings;

  /**
   * @param receivers the names routes may use
   * @param timeIntervals the names of the defined time intervals
   * @param warnings where keys accepted but not acted on are noted
   */
  public RouteParser(Set<String> receivers, Set<String> timeIntervals, ConfigWarnings warnings) {
    this.receivers = receivers;
    this.timeIntervals = timeIntervals;
    this.warnings = warnings;
  }

  public RouteParser(Set<String> receivers, Set<String> timeIntervals) {
    this(receivers, timeIntervals, new ConfigWarnings());
  }

  public Route parseRoot(YamlNode node) throws InvalidConfigException {
    node.allowOnly(FIELDS);
    if (node.string("receiver", "").isEmpty()) {
      throw node.get("receiver").error("root route must specify a default receiver");
    }
    for (String field : List.of("match", "match_re", "matchers")) {
      if (!node.get(field).isAbsent() && !isEmpty(node.get(field))) {
        throw node.get(field).error("root route must not have any matchers");
      }
    }
    if (node.bool("continue", false)) {
      throw node.get("continue").error("cannot have continue in root route");
    }
    if (!node.strings("mute_time_intervals").isEmpty()) {
      throw node.get("mute_time_intervals")
          .error("root route must not have any mute time intervals");
    }
    if (!node.strings("active_time_intervals").isEmpty()) {
      throw node.get("active_time_intervals")
          .error("root route must not have any active time intervals");
    }
    RouteOptions defaults =
        new RouteOptions(
            null,
            List.of(),
            false,
            RouteOptions.DEFAULT_GROUP_WAIT,
            RouteOptions.DEFAULT_GROUP_INTERVAL,
            RouteOptions.DEFAULT_REPEAT_INTERVAL);
    return parse(node, null, defaults);
  }

  private Route parse(YamlNode node, Route parent, RouteOptions inherited)
      throws InvalidConfigException {
    node.allowOnly(FIELDS);
    String receiver = node.string("receiver", inherited.receiver());
    if (!node.get("receiver").isAbsent() && !receivers.contains(receiver)) {
      throw node.get("receiver").error("undefined receiver \"" + receiver + "\" used in route");
    }
    List<String> groupBy = inherited.groupBy();
    boolean groupByAll = inherited.groupByAll();
    if (!node.get("group_by").isAbsent()) {
      List<String> names = node.strings("group_by");
      groupByAll = false;
      Set<String> seen = new HashSet<>();
      for (String name : names) {
        if (name.equals("...")) {
          groupByAll = true;
        } else if (!LabelNames.isValid(name)) {
          throw node.get("group_by").error("invalid label name \"" + name + "\" in group_by list");
        } else if (!seen.add(name)) {
          throw node.get("group_by").error("duplicated label \"" + name + "\" in group_by");
        }
      }
      if (groupByAll && names.size() > 1) {
        throw node.get("group_by")
            .error("cannot have wildcard group_by (`...`) and other labels at the same time");
      }
      groupBy = groupByAll ? List.of() : List.copyOf(new TreeSet<>(names));
    }
    Duration groupWait = duration(node, "group_wait", inherited.groupWait(), false);
    Duration groupInterval = duration(node, "group_interval", inherited.groupInterval(), true);
    Duration repeatInterval = duration(node, "repeat_interval", inherited.repeatInterval(), true);
    labels(node.get("labels"));
    List<String> mute = intervalNames(node, "mute_time_intervals");
    List<String> active = intervalNames(node, "active_time_intervals");
    RouteOptions options =
        new RouteOptions(receiver, groupBy, groupByAll, groupWait, groupInterval, repeatInterval);
    Route route =
        new Route(
            parent,
            parent == null ? Matchers.NONE : matchers(node),
            node.bool("continue", false),
            options,
            mute,
            active);
    for (YamlNode child : node.get("routes").items()) {
      parse(child, route, options);
    }
    return route;
  }

  private static Duration duration(YamlNode node, String field, Duration inherited, boolean nonZero)
      throws InvalidConfigException {
    YamlNode value = node.get(field);
    if (value.isAbsent()) {
      return inherited;
    }
    Duration d = Durations.parse(value);
    if (nonZero && d.isZero()) {
      throw value.error(field + " cannot be zero");
    }
    return d;
  }

  /** Route labels are checked as Alertmanager checks them, then set aside with a warning. */
  private void labels(YamlNode node) throws InvalidConfigException {
    if (node.isAbsent()) {
      return;
    }
    node.requireMap();
    for (String name : node.keys()) {
      if (!LabelNames.isValid(name)) {
        throw node.get(name).error("invalid label name \"" + name + "\" in route labels");
      }
      node.get(name).text("");
    }
    if (!node.keys().isEmpty()) {
      warnings.add(
          node.warning(
              "ignored: Alertstream does not add route labels to the notification data yet"));
    }
  }

  private List<String> intervalNames(YamlNode node, String field) throws InvalidConfigException {
    List<String> names = node.strings(field);
    for (String name : names) {
      if (!timeIntervals.contains(name)) {
        throw node.get(field).error("undefined time interval \"" + name + "\" used in route");
      }
    }
    return names;
  }

  /** A route's {@code match}, {@code match_re} and {@code matchers}, all ANDed. */
  public static Matchers matchers(YamlNode node) throws InvalidConfigException {
    return matchers(node, "match", "match_re", "matchers");
  }

  /** Matchers from the old map forms and the new list form (also used by inhibit rules). */
  public static Matchers matchers(
      YamlNode node, String matchField, String matchReField, String matchersField)
      throws InvalidConfigException {
    List<Matcher> all = new ArrayList<>();
    for (Map.Entry<String, String> e : node.stringMap(matchField).entrySet()) {
      checkLabelName(node.get(matchField), e.getKey());
      all.add(Matcher.of(e.getKey(), MatchType.EQUAL, e.getValue()));
    }
    for (Map.Entry<String, String> e : node.stringMap(matchReField).entrySet()) {
      checkLabelName(node.get(matchReField), e.getKey());
      try {
        // Alertmanager anchors match_re values when it reads them, and keys show the anchors.
        Matcher.checked(e.getKey(), MatchType.REGEXP, e.getValue());
        all.add(Matcher.of(e.getKey(), MatchType.REGEXP, "^(?:" + e.getValue() + ")$"));
      } catch (MatcherSyntaxException ex) {
        throw node.get(matchReField).get(e.getKey()).error(ex.getMessage());
      }
    }
    for (YamlNode line : node.get(matchersField).items()) {
      try {
        all.addAll(MatcherParser.parseAll(line.text("")));
      } catch (MatcherSyntaxException ex) {
        throw line.error(ex.getMessage());
      }
    }
    return Matchers.of(all);
  }

  private static void checkLabelName(YamlNode node, String name) throws InvalidConfigException {
    if (!LABEL_NAME.matcher(name).matches()) {
      throw node.error("invalid label name \"" + name + "\"");
    }
  }

  private static boolean isEmpty(YamlNode node) {
    return node.keys().isEmpty() && (!node.isList() || safeSize(node) == 0);
  }

  private static int safeSize(YamlNode node) {
    try {
      return node.items().size();
    } catch (InvalidConfigException e) {
      return 1;
    }
  }
}
