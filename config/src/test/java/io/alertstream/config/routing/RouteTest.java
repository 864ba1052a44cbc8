package io.alertstream.config.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.ConfigParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {

  private static final String TREE =
      """
      route:
        receiver: default
        group_by: [alertname]
        group_wait: 10s
        routes:
          - matchers: ['owner="team-A"']
            receiver: team-a
            group_by: [alertname, instance]
            routes:
              - match_re: {severity: "crit.*"}
                receiver: team-a-pager
                repeat_interval: 1h
          - matchers: ['owner=~"team-(B|C)"', 'env!="dev"']
            receiver: team-bc
            continue: true
          - match: {env: prod}
            receiver: prod
            group_by: ['...']
      receivers: [{name: default}, {name: team-a}, {name: team-a-pager}, {name: team-bc}, {name: prod}]
      """;

  private final Route root = parse(TREE);

  @Test
  void keysFollowAlertmanagersFormat() {
    Route teamA = root.children().get(0);

    assertThat(root.key()).isEqualTo("{}");
    assertThat(teamA.key()).isEqualTo("{}/{owner=\"team-A\"}");
    assertThat(teamA.children().get(0).key())
        .isEqualTo("{}/{owner=\"team-A\"}/{severity=~\"^(?:crit.*)$\"}");
    assertThat(root.children().get(1).key()).isEqualTo("{}/{env!=\"dev\",owner=~\"team-(B|C)\"}");
  }

  @Test
  void groupKeysJoinTheRouteKeyAndTheSortedGroupLabels() {
    Route teamA = root.children().get(0);
    Map<String, String> labels =
        Map.of("owner", "team-A", "instance", "db-1", "alertname", "X", "other", "y");

    assertThat(teamA.groupLabels(labels)).containsOnlyKeys("alertname", "instance");
    assertThat(teamA.groupKey(teamA.groupLabels(labels)))
        .isEqualTo("{}/{owner=\"team-A\"}:{alertname=\"X\", instance=\"db-1\"}");
    assertThat(root.groupKey(Map.of())).isEqualTo("{}:{}");
  }

  @Test
  void childrenInheritTheirParentsOptions() {
    Route pager = root.children().get(0).children().get(0);

    assertThat(pager.options().groupWait()).isEqualTo(Duration.ofSeconds(10));
    assertThat(pager.options().groupInterval()).isEqualTo(RouteOptions.DEFAULT_GROUP_INTERVAL);
    assertThat(pager.options().repeatInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(pager.options().groupBy()).containsExactly("alertname", "instance");
  }

  @Test
  void matchesDepthFirstWithContinue() {
    assertThat(receivers(Map.of("owner", "team-A", "severity", "critical")))
        .containsExactly("team-a-pager");
    assertThat(receivers(Map.of("owner", "team-A", "severity", "warning")))
        .containsExactly("team-a");
    assertThat(receivers(Map.of("owner", "team-B", "env", "prod")))
        .containsExactly("team-bc", "prod");
    assertThat(receivers(Map.of("owner", "team-B", "env", "dev"))).containsExactly("default");
    assertThat(receivers(Map.of("owner", "team-A", "env", "prod"))).containsExactly("team-a");
  }

  @Test
  void groupByAllUsesEveryLabel() {
    Route prod = root.children().get(2);

    assertThat(prod.groupLabels(Map.of("env", "prod", "a", "1"))).containsOnlyKeys("env", "a");
  }

  private List<String> receivers(Map<String, String> labels) {
    return root.match(labels).stream().map(Route::receiver).toList();
  }

  private static Route parse(String yaml) {
    try {
      return new ConfigParser().parse(yaml).route();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
