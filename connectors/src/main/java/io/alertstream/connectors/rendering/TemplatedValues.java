package io.alertstream.connectors.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A structure of templates rendered as Alertmanager renders Jira's further fields and a webhook's
 * custom payload: every string (map keys too) is a template, and a rendered value that reads as
 * YAML other than a string (a number, a boolean, a list, a map, or nothing: null) is that value.
 * Maps come out with sorted keys, as Go's JSON encoder writes them.
 */
public final class TemplatedValues {

  private static final int MAX_ALIASES = 50;

  private TemplatedValues() {}

  /** A map of them rendered; keys sorted. */
  public static Map<String, Object> render(Map<String, Object> fields, FieldRendering r) {
    Map<String, Object> out = new TreeMap<>();
    fields.forEach((k, v) -> out.put(r.field("fields", k, ""), value(v, r, "fields." + k)));
    return out;
  }

  /**
   * One value rendered.
   *
   * @param name the setting, for a problem report
   */
  public static Object value(Object value, FieldRendering r, String name) {
    if (value instanceof String text) {
      return inline(r.field(name, text, ""));
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(value(item, r, name));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      map.forEach(
          (k, v) -> out.put(r.field(name, String.valueOf(k), ""), value(v, r, name + "." + k)));
      return out;
    }
    return value;
  }

  /** The rendered text, or the YAML value it reads as when that is not a string. */
  public static Object inline(String rendered) {
    Object parsed;
    try {
      parsed = yaml().load(rendered);
    } catch (RuntimeException notYaml) {
      return rendered;
    }
    if (parsed instanceof String) {
      return rendered;
    }
    return normalized(parsed);
  }

  /** Maps with string keys only (others dropped, as Alertmanager drops them), sorted. */
  private static Object normalized(Object value) {
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(normalized(item)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      map.forEach(
          (k, v) -> {
            if (k instanceof String key) {
              out.put(key, normalized(v));
            }
          });
      return out;
    }
    return value;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    org.yaml.snakeyaml.DumperOptions dumper = new org.yaml.snakeyaml.DumperOptions();
    return new Yaml(
        new SafeConstructor(options), new Representer(dumper), dumper, options, new GoYaml());
  }

  /**
   * The scalar types Go's YAML library gives a plain scalar: booleans, integers, floats and null,
   * but no timestamps (it keeps those as strings) and no base-60 numbers.
   */
  private static final class GoYaml extends Resolver {

    private static final Pattern INT =
        Pattern.compile(
            "^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$");
    private static final Pattern FLOAT =
        Pattern.compile(
            "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                + "|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
      addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
    }
  }
}
