package io.alertstream.topology.inhibition;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.inhibition.InhibitRule;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.topology.alerts.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InhibitionSourcesTest {

  private static final long NOW = 1_000_000;

  private final InhibitionSources sources = new InhibitionSources();

  private static List<InhibitRule> rules() throws Exception {
    return new ConfigParser()
        .parse(
            "route: {receiver: r}\nreceivers: [{name: r}]\ninhibit_rules:\n"
                + "  - source_matchers: [severity=\"critical\"]\n"
                + "    target_matchers: [severity=\"warning\"]\n    equal: [instance]\n")
        .inhibitRules();
  }

  private static Alert alert(String name, String severity) {
    return Alert.received(
        AlertEvent.newBuilder()
            .setLabels(Map.of("alertname", name, "severity", severity, "instance", "a"))
            .build(),
        NOW,
        300_000);
  }

  @Test
  void buildsOnceFromAllAlertsThenFollowsUpdates() throws Exception {
    List<InhibitRule> rules = rules();
    List<Alert> stored =
        new ArrayList<>(List.of(alert("Down", "critical"), alert("Slow", "warning")));
    AtomicInteger scans = new AtomicInteger();

    assertThat(sources.of("t", rules, () -> count(scans, stored)))
        .extracting(a -> a.labels().get("alertname"))
        .containsExactly("Down");
    sources.update("t", rules, alert("Dead", "critical"));
    sources.update("t", rules, alert("Slower", "warning"));

    assertThat(sources.of("t", rules, () -> count(scans, stored)))
        .extracting(a -> a.labels().get("alertname"))
        .containsExactly("Down", "Dead");
    assertThat(scans).hasValue(1);
    Alert dead = alert("Dead", "critical");
    assertThat(
            new Inhibitor(rules, sources.of("t", rules, List::of), NOW)
                .inhibitedBy(alert("X", "warning")))
        .isPresent();

    sources.remove("t", dead.fingerprint());
    assertThat(sources.of("t", rules, List::of))
        .extracting(a -> a.labels().get("alertname"))
        .containsExactly("Down");
  }

  @Test
  void aTenantWithoutRulesNeverScansAndForgettingBuildsAgain() throws Exception {
    AtomicInteger scans = new AtomicInteger();
    List<Alert> stored = List.of(alert("Down", "critical"));

    assertThat(sources.of("t", List.of(), () -> count(scans, stored))).isEmpty();
    assertThat(scans).hasValue(0);

    sources.forget("t");
    assertThat(sources.of("t", rules(), () -> count(scans, stored))).hasSize(1);
    assertThat(scans).hasValue(1);
  }

  private static Iterable<Alert> count(AtomicInteger scans, List<Alert> alerts) {
    scans.incrementAndGet();
    return alerts;
  }
}
