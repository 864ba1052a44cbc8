package io.alertstream.config.receivers;

import io.alertstream.config.ConfigWarning;
import io.alertstream.config.ConfigWarnings;
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
 * @param warnings where the parse collects keys accepted but not acted on
 */
public record Globals(GlobalConfig config, YamlNode node, ConfigWarnings warnings) {

  /** Globals whose warnings are not kept (for tests of one entry). */
  public Globals(GlobalConfig config, YamlNode node) {
    this(config, node, new ConfigWarnings());
  }

  /** The shared http_config, or the entry's own one when it has one (it replaces the global). */
  public HttpClientConfig httpConfig(YamlNode entry) throws InvalidConfigException {
    return HttpConfigParser.parse(entry.get("http_config"), config.httpConfig(), warnings);
  }

  /** Records that a key is accepted but not acted on as Alertmanager would, and why. */
  public void warn(YamlNode key, String reason) {
    warn(key.warning(reason));
  }

  public void warn(ConfigWarning warning) {
    warnings.add(warning);
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
