package io.alertstream.config.matchers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A set of matchers that all must match, kept in Alertmanager's order. */
public final class Matchers {

  public static final Matchers NONE = new Matchers(List.of());

  private final List<Matcher> matchers;

  private Matchers(List<Matcher> matchers) {
    this.matchers = matchers;
  }

  public static Matchers of(List<Matcher> matchers) {
    List<Matcher> sorted = new ArrayList<>(matchers);
    Collections.sort(sorted);
    return new Matchers(List.copyOf(sorted));
  }

  public boolean matches(Map<String, String> labels) {
    for (Matcher m : matchers) {
      if (!m.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public List<Matcher> list() {
    return matchers;
  }

  public boolean isEmpty() {
    return matchers.isEmpty();
  }

  /** As Alertmanager prints a route's matchers: {@code {a="1",b=~"x|y"}}. */
  @Override
  public String toString() {
    return matchers.stream().map(Matcher::toString).collect(Collectors.joining(",", "{", "}"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matchers m && m.matchers.equals(matchers);
  }

  @Override
  public int hashCode() {
    return matchers.hashCode();
  }
}
