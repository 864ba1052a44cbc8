package io.alertstream.config.yaml;

import io.alertstream.config.ConfigWarning;
import io.alertstream.config.InvalidConfigException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a YAML document that knows its path (e.g. {@code receivers[0].webhook_configs[1].url})
 * and its line, so that every validation error can name both.
 */
public final class YamlNode {

  private static final int MAX_ALIASES = 50;

  private final Node node;
  private final String path;
  private final int line;

  private YamlNode(Node node, String path, int line) {
    this.node = node;
    this.path = path;
    this.line = line;
  }

  /** Parses one YAML document; a syntax error names its line. */
  public static YamlNode parse(String text) throws InvalidConfigException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowDuplicateKeys(false);
    Node root;
    try {
      // Like Alertmanager, read the first document and ignore any after it.
      var documents = new Yaml(options).composeAll(new StringReader(text)).iterator();
      root = documents.hasNext() ? documents.next() : null;
    } catch (DuplicateKeyException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      String key = e.getProblem().replaceFirst("^found duplicate key ", "");
      throw new InvalidConfigException(
          "", line, "field " + key + " already set in type config.plain");
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      throw new InvalidConfigException("", line, "not valid YAML: " + problem);
    } catch (YAMLException e) {
      throw new InvalidConfigException("", 0, "not valid YAML: " + e.getMessage());
    }
    if (root != null) {
      refuseDuplicateKeys(root);
    }
    return new YamlNode(root, "", 1);
  }

  private static void refuseDuplicateKeys(Node node) throws InvalidConfigException {
    if (node instanceof MappingNode map) {
      Set<String> seen = new java.util.HashSet<>();
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && !seen.add(k.getValue())) {
          throw new InvalidConfigException(
              "",
              k.getStartMark().getLine() + 1,
              "field " + k.getValue() + " already set in type config.plain");
        }
        refuseDuplicateKeys(tuple.getValueNode());
      }
    } else if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        refuseDuplicateKeys(item);
      }
    }
  }

  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  /** An error about this node. */
  public InvalidConfigException error(String problem) {
    return new InvalidConfigException(path, line, problem);
  }

  /** A warning about this node: it is accepted, but not acted on as Alertmanager would. */
  public ConfigWarning warning(String reason) {
    return new ConfigWarning(path, line, reason);
  }

  public boolean isMissing() {
    return node == null;
  }

  /** Missing, or an explicit null ({@code key:} or {@code key: null}). */
  public boolean isAbsent() {
    return node == null || Tag.NULL.equals(node.getTag());
  }

  public boolean isMap() {
    return node instanceof MappingNode;
  }

  public boolean isList() {
    return node instanceof SequenceNode;
  }

  public boolean isScalar() {
    return node instanceof ScalarNode && !Tag.NULL.equals(node.getTag());
  }

  /** The child at {@code key} of a map; a missing node (with a path) when absent. */
  public YamlNode get(String key) {
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          Node value = tuple.getValueNode();
          return new YamlNode(value, child(key), value.getStartMark().getLine() + 1);
        }
      }
    }
    return new YamlNode(null, child(key), line);
  }

  /** The keys of a map, in document order. */
  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k) {
          keys.add(k.getValue());
        }
      }
    }
    return keys;
  }

  /** The items of a list; empty when absent. */
  public List<YamlNode> items() throws InvalidConfigException {
    if (isAbsent()) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      throw error("cannot unmarshal " + describe() + " into a list");
    }
    List<YamlNode> items = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      items.add(new YamlNode(item, path + "[" + i + "]", item.getStartMark().getLine() + 1));
    }
    return items;
  }

  /** Refuses keys this map may not have, as Alertmanager's strict parsing does. */
  public YamlNode allowOnly(String... allowed) throws InvalidConfigException {
    requireMap();
    Set<String> known = new LinkedHashSet<>(Arrays.asList(allowed));
    for (String key : keys()) {
      if (!known.contains(key)) {
        YamlNode field = get(key);
        throw new InvalidConfigException(
            field.path, field.line, "field " + key + " not found in type config.plain");
      }
    }
    return this;
  }

  public YamlNode requireMap() throws InvalidConfigException {
    if (!isAbsent() && !isMap()) {
      throw error("cannot unmarshal " + describe() + " into a mapping");
    }
    return this;
  }

  /** The scalar text, or {@code fallback} when absent. */
  public String text(String fallback) throws InvalidConfigException {
    if (isAbsent()) {
      return fallback;
    }
    if (!(node instanceof ScalarNode scalar)) {
      throw error("must be a single value, not a " + (isMap() ? "mapping" : "list"));
    }
    return scalar.getValue();
  }

  public String string(String key, String fallback) throws InvalidConfigException {
    return get(key).text(fallback);
  }

  public boolean bool(String key, boolean fallback) throws InvalidConfigException {
    YamlNode value = get(key);
    String text = value.text(null);
    if (text == null) {
      return fallback;
    }
    return switch (text) {
      case "true", "True", "TRUE", "yes", "on" -> true;
      case "false", "False", "FALSE", "no", "off" -> false;
      default -> throw value.error("cannot unmarshal !!str `" + text + "` into bool");
    };
  }

  public int integer(String key, int fallback) throws InvalidConfigException {
    YamlNode value = get(key);
    String text = value.text(null);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw value.error("cannot unmarshal !!str `" + text + "` into int");
    }
  }

  /** A list of scalars; empty when absent. */
  public List<String> strings(String key) throws InvalidConfigException {
    List<String> out = new ArrayList<>();
    for (YamlNode item : get(key).items()) {
      out.add(item.text(""));
    }
    return out;
  }

  /** A map of scalars; empty when absent. */
  public Map<String, String> stringMap(String key) throws InvalidConfigException {
    YamlNode map = get(key).requireMap();
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : map.keys()) {
      out.put(k, map.get(k).text(""));
    }
    return out;
  }

  /** As Go's YAML library names a node in a type error: {@code !!map}, or {@code !!str `x`}. */
  private String describe() {
    if (node instanceof ScalarNode scalar) {
      return "!!"
          + scalar.getTag().getValue().replaceFirst("^tag:yaml.org,2002:", "")
          + " `"
          + scalar.getValue()
          + "`";
    }
    return isMap() ? "!!map" : "!!seq";
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
