package io.alertstream.templates;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Go {@code []interface {}} built by {@code list} or {@code append}: any values, nil included. It
 * knows its {@link ValueWeight weight} and nesting, so lists of lists cannot grow past the render
 * budget however often they are nested or shared.
 */
final class TemplateList extends AbstractList<Object> {

  private final List<Object> elements;

  /** Go's nil slice ({@code append nil}): printed as [], encoded as JSON null. */
  private final boolean nil;

  private final long weight;
  private final int depth;

  private TemplateList(List<Object> elements, boolean nil, long weight, int depth) {
    this.elements = Collections.unmodifiableList(elements);
    this.nil = nil;
    this.weight = weight;
    this.depth = depth;
  }

  /**
   * A new list of {@code elements} (copied), refused when it would be larger or deeper than the
   * budget allows.
   */
  static TemplateList of(List<?> elements, boolean nil, RenderBudget budget)
      throws TemplateException {
    List<Object> copy = new ArrayList<>(elements);
    long weight = 2;
    int depth = 0;
    for (Object e : copy) {
      weight = ValueWeight.add(weight, ValueWeight.of(e) + 1);
      depth = Math.max(depth, ValueWeight.depth(e));
      if (weight > budget.maxValueChars()) {
        break;
      }
    }
    ValueWeight.check(weight, depth + 1, budget);
    return new TemplateList(copy, nil && copy.isEmpty(), weight, depth + 1);
  }

  boolean isNil() {
    return nil;
  }

  long weight() {
    return weight;
  }

  int depth() {
    return depth;
  }

  @Override
  public Object get(int index) {
    return elements.get(index);
  }

  @Override
  public int size() {
    return elements.size();
  }
}
