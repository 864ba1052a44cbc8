package io.alertstream.topology.inhibition;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.inhibition.InhibitRule;
import io.alertstream.config.matchers.MatchType;
import io.alertstream.config.matchers.Matcher;
import io.alertstream.config.matchers.Matchers;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.Fingerprint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InhibitorTest {

  private static final long NOW = 1000;
  private static final InhibitRule CRITICAL_MUTES_WARNING =
      new InhibitRule(
          Matchers.of(List.of(Matcher.of("severity", MatchType.EQUAL, "critical"))),
          Matchers.of(List.of(Matcher.of("severity", MatchType.EQUAL, "warning"))),
          List.of("cluster"));

  private static Alert alert(long endsAt, String... labels) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      map.put(labels[i], labels[i + 1]);
    }
    return new Alert(Fingerprint.of(map), map, Map.of(), 0, endsAt, "", 0, false);
  }

  @Test
  void aFiringSourceWithEqualLabelsMutesTheTarget() {
    Alert source = alert(NOW + 1, "severity", "critical", "cluster", "eu");
    Inhibitor inhibitor = new Inhibitor(List.of(CRITICAL_MUTES_WARNING), List.of(source), NOW);

    assertThat(inhibitor.inhibitedBy(alert(NOW + 1, "severity", "warning", "cluster", "eu")))
        .contains(source.fingerprint());
    assertThat(inhibitor.inhibitedBy(alert(NOW + 1, "severity", "warning", "cluster", "us")))
        .isEmpty();
    assertThat(inhibitor.inhibitedBy(alert(NOW + 1, "severity", "info", "cluster", "eu")))
        .isEmpty();
  }

  @Test
  void aMissingEqualLabelCountsAsEmpty() {
    Inhibitor inhibitor =
        new Inhibitor(
            List.of(CRITICAL_MUTES_WARNING), List.of(alert(NOW + 1, "severity", "critical")), NOW);

    assertThat(inhibitor.inhibitedBy(alert(NOW + 1, "severity", "warning"))).isPresent();
    assertThat(inhibitor.inhibitedBy(alert(NOW + 1, "severity", "warning", "cluster", "eu")))
        .isEmpty();
  }

  @Test
  void aResolvedSourceMutesNothing() {
    Inhibitor inhibitor =
        new Inhibitor(
            List.of(CRITICAL_MUTES_WARNING),
            List.of(alert(NOW, "severity", "critical", "cluster", "eu")),
            NOW);

    assertThat(inhibitor.inhibitedBy(alert(NOW + 1, "severity", "warning", "cluster", "eu")))
        .isEmpty();
  }
}
