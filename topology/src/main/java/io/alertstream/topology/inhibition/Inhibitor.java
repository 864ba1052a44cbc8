package io.alertstream.topology.inhibition;

import io.alertstream.config.inhibition.InhibitRule;
import io.alertstream.topology.alerts.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's inhibition rules against its alerts firing at one instant. A target is muted when a
 * firing source alert matches the rule's source and has the same values for the {@code equal}
 * labels (a missing label counts as empty). An alert that matches both sides cannot be inhibited by
 * alerts that also match both sides, so it cannot inhibit itself.
 */
public final class Inhibitor {

  private record RuleSources(InhibitRule rule, List<Alert> sources) {}

  private final List<RuleSources> rules = new ArrayList<>();

  public Inhibitor(List<InhibitRule> rules, Iterable<Alert> alerts, long now) {
    for (InhibitRule rule : rules) {
      List<Alert> sources = new ArrayList<>();
      for (Alert a : alerts) {
        if (!a.resolvedAt(now) && rule.source().matches(a.labels())) {
          sources.add(a);
        }
      }
      this.rules.add(new RuleSources(rule, sources));
    }
  }

  /** An inhibiting alert and the rule under which it inhibits. */
  public record Inhibition(String fingerprint, InhibitRule rule) {}

  /** The fingerprint of an alert that inhibits this one. */
  public Optional<String> inhibitedBy(Alert target) {
    return inhibition(target).map(Inhibition::fingerprint);
  }

  /** What inhibits this alert, if anything. */
  public Optional<Inhibition> inhibition(Alert target) {
    for (RuleSources r : rules) {
      if (!r.rule().target().matches(target.labels())) {
        continue;
      }
      boolean twoSided = r.rule().source().matches(target.labels());
      for (Alert source : r.sources()) {
        if (twoSided && r.rule().target().matches(source.labels())) {
          continue;
        }
        if (equalLabelsMatch(r.rule().equal(), source, target)) {
          return Optional.of(new Inhibition(source.fingerprint(), r.rule()));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean equalLabelsMatch(List<String> equal, Alert a, Alert b) {
    for (String name : equal) {
      if (!a.labels().getOrDefault(name, "").equals(b.labels().getOrDefault(name, ""))) {
        return false;
      }
    }
    return true;
  }
}
