package io.alertstream.config.receivers;

import io.alertstream.config.GlobalConfig;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.yaml.YamlNode;
import java.net.URI;

/**
 * The {@code global} section as integration types read it: the parsed settings every type shares
 * (http_config, smtp_*) and the section as written, for each type's own global keys.
 *
 * @param config the parsed section
 * @param node the section as written; absent when the config has none
 */
public record Globals(GlobalConfig config, YamlNode node) {

  /** The shared http_config, or the entry's own one when it has one (it replaces the global). */
  public HttpClientConfig httpConfig(YamlNode entry) throws InvalidConfigException {
    return ReceiverParser.httpConfig(entry.get("http_config"), config.httpConfig());
  }

  /** A global string setting; {@code fallback} when unset or empty. */
  public String string(String key, String fallback) throws InvalidConfigException {
    String value = node.string(key, "");
    return value.isEmpty() ? fallback : value;
  }

  /** A global URL setting, checked as Alertmanager checks URLs; {@code fallback} when unset. */
  public URI url(String key, URI fallback) throws InvalidConfigException {
    String value = node.string(key, "");
    return value.isEmpty() ? fallback : ReceiverParser.url(node.get(key), value);
  }

  /** A global secret; empty when unset. {@code <key>_file} is refused as in receivers. */
  public Secret secret(String key) throws InvalidConfigException {
    ReceiverParser.exclusiveWithFile(node, key);
    return new Secret(node.string(key, ""));
  }
}
