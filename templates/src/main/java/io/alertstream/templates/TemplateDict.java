package io.alertstream.templates;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Go {@code map[string]interface {}} built by {@code dict}: fields ({@code $d.key}), {@code
 * index}, {@code range} in key order. Knows its {@link ValueWeight weight} and nesting, as {@link
 * TemplateList} does.
 */
final class TemplateDict extends AbstractMap<String, Object> {

  private final Map<String, Object> entries;
  private final long weight;
  private final int depth;

  private TemplateDict(Map<String, Object> entries, long weight, int depth) {
    this.entries = Collections.unmodifiableMap(entries);
    this.weight = weight;
    this.depth = depth;
  }

  /** A new dict of {@code entries}, refused when larger or deeper than the budget allows. */
  static TemplateDict of(LinkedHashMap<String, Object> entries, RenderBudget budget)
      throws TemplateException {
    long weight = 5;
    int depth = 0;
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      weight = ValueWeight.add(weight, e.getKey().length() + ValueWeight.of(e.getValue()) + 2);
      depth = Math.max(depth, ValueWeight.depth(e.getValue()));
      if (weight > budget.maxValueChars()) {
        break;
      }
    }
    ValueWeight.check(weight, depth + 1, budget);
    return new TemplateDict(entries, weight, depth + 1);
  }

  long weight() {
    return weight;
  }

  int depth() {
    return depth;
  }

  @Override
  public Object get(Object key) {
    return entries.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return entries.entrySet();
  }
}
