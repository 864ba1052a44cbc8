package io.alertstream.config.inhibition;

import io.alertstream.config.matchers.Matchers;
import java.util.List;

/**
 * Mutes alerts matching {@code target} while a firing alert matches {@code source} and has the same
 * values for every label in {@code equal}.
 *
 * @param name the rule's optional {@code name}; empty when unset
 */
public record InhibitRule(String name, Matchers source, Matchers target, List<String> equal) {

  public InhibitRule {
    equal = List.copyOf(equal);
  }

  /** An unnamed rule. */
  public InhibitRule(Matchers source, Matchers target, List<String> equal) {
    this("", source, target, equal);
  }
}
