package io.alertstream.config.receivers.jira;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value of any shape as plain Java: maps (string keys, document order), lists, scalars as
 * their text, null for an explicit or missing null. Scalars stay text since Jira's notifier renders
 * each one as a template and reads the result as YAML.
 */
final class YamlValues {

  private YamlValues() {}

  static Object of(YamlNode node) throws InvalidConfigException {
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
