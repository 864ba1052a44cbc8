package io.alertstream.templates;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Alertmanager's label or annotation set in templates: a map (so {@code .CommonLabels.severity},
 * {@code index}, {@code range} and {@code len} work, a missing name reading as "") with the methods
 * {@code SortedPairs}, {@code Names}, {@code Values} and {@code Remove}.
 */
public final class KV extends AbstractMap<String, String> implements TemplateObject {

  private static final String ALERTNAME = "alertname";
  private final TreeMap<String, String> pairs;

  public KV(Map<String, String> pairs) {
    this.pairs = new TreeMap<>(pairs);
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return pairs.entrySet();
  }

  @Override
  public String get(Object key) {
    return pairs.get(key);
  }

  /** One name and value, {@code .Name} and {@code .Value} in templates. */
  public record Pair(String name, String value) implements TemplateObject {
    @Override
    public Object field(String field) {
      return switch (field) {
        case "Name" -> name;
        case "Value" -> value;
        default -> MISSING;
      };
    }

    @Override
    public String toString() {
      return "{" + name + " " + value + "}";
    }
  }

  /** A list of pairs, with {@code .Names} and {@code .Values}. */
  public static final class Pairs extends java.util.AbstractList<Pair> implements TemplateObject {
    private final List<Pair> pairs;

    Pairs(List<Pair> pairs) {
      this.pairs = List.copyOf(pairs);
    }

    @Override
    public Pair get(int index) {
      return pairs.get(index);
    }

    @Override
    public int size() {
      return pairs.size();
    }

    @Override
    public Object field(String name) {
      return switch (name) {
        case "Names" -> pairs.stream().map(Pair::name).toList();
        case "Values" -> pairs.stream().map(Pair::value).toList();
        default -> MISSING;
      };
    }

    @Override
    public String typeName() {
      return "template.Pairs";
    }
  }

  /** {@code alertname} first, then the other names in order. */
  public Pairs sortedPairs() {
    List<Pair> out = new ArrayList<>(pairs.size());
    if (pairs.containsKey(ALERTNAME)) {
      out.add(new Pair(ALERTNAME, pairs.get(ALERTNAME)));
    }
    pairs.forEach(
        (k, v) -> {
          if (!k.equals(ALERTNAME)) {
            out.add(new Pair(k, v));
          }
        });
    return new Pairs(out);
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "SortedPairs" -> sortedPairs();
      case "Names" -> sortedPairs().field("Names");
      case "Values" -> sortedPairs().field("Values");
      default -> pairs.getOrDefault(name, "");
    };
  }

  @Override
  public Object call(String method, List<Object> args) throws TemplateException {
    if (method.equals("Remove") && args.size() == 1 && args.get(0) instanceof Collection<?> c) {
      TreeMap<String, String> kept = new TreeMap<>(pairs);
      for (Object name : c) {
        kept.remove(String.valueOf(name));
      }
      return new KV(kept);
    }
    throw new TemplateException("can't call method " + method + " with these arguments");
  }

  @Override
  public String typeName() {
    return "template.KV";
  }
}
