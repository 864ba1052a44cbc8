package io.alertstream.config.yaml;

import io.alertstream.config.InvalidConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value of any shape as plain Java: maps (string keys, document order), lists, scalars as
 * their text, null for an explicit or missing null. Scalars stay text since the notifiers that take
 * such values (Jira's {@code fields}, a webhook's {@code payload}) render each one as a template
 * and read the result as YAML.
 */
public final class YamlValues {

  private YamlValues() {}

  public static Object of(YamlNode node) throws InvalidConfigException {
    if (node.isAbsent()) {
      return null;
    }
    if (node.isMap()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (String key : node.keys()) {
        map.put(key, of(node.get(key)));
      }
      return Collections.unmodifiableMap(map);
    }
    if (node.isList()) {
      List<Object> list = new ArrayList<>();
      for (YamlNode item : node.items()) {
        list.add(of(item));
      }
      return Collections.unmodifiableList(list);
    }
    return node.text("");
  }
}
