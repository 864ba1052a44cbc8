package io.alertstream.connectors.rendering;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A label or annotation set in the order Alertmanager's templates see it ({@code .SortedPairs}):
 * {@code alertname} first, the other names sorted.
 */
public final class LabelPairs {

  private static final String ALERTNAME = "alertname";

  /** One name and value. */
  public record Pair(String name, String value) {}

  private final List<Pair> pairs;

  private LabelPairs(List<Pair> pairs) {
    this.pairs = Collections.unmodifiableList(pairs);
  }

  public static LabelPairs of(Map<String, String> labels) {
    List<String> names = new ArrayList<>(labels.keySet());
    Collections.sort(names);
    if (names.remove(ALERTNAME)) {
      names.add(0, ALERTNAME);
    }
    List<Pair> pairs = new ArrayList<>(names.size());
    for (String name : names) {
      pairs.add(new Pair(name, labels.get(name)));
    }
    return new LabelPairs(pairs);
  }

  public List<Pair> pairs() {
    return pairs;
  }

  public List<String> names() {
    return pairs.stream().map(Pair::name).toList();
  }

  public List<String> values() {
    return pairs.stream().map(Pair::value).toList();
  }

  /** This set without the given names ({@code .Remove}). */
  public LabelPairs without(Collection<String> names) {
    return new LabelPairs(pairs.stream().filter(p -> !names.contains(p.name())).toList());
  }

  public int size() {
    return pairs.size();
  }
}
