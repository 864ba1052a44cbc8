package io.alertstream.config.receivers;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.yaml.YamlNode;
import java.util.List;

/**
 * How the configs of one integration type ({@code <type>_configs} in a receiver) are read: which
 * keys the entry takes, Alertmanager's defaults and validation, and the settings record the
 * connectors' notifier of the type acts on. One per type, registered in {@link IntegrationTypes}.
 *
 * @param <C> the settings record; its {@code toString()} shows no secret
 */
public interface IntegrationType<C> {

  /** The type as notifications and topics name it: {@code opsgenie}, {@code msteamsv2}, ... */
  String type();

  /** The receiver's key for a list of this type's configs. */
  default String key() {
    return type() + "_configs";
  }

  Class<C> settingsType();

  /**
   * Reads one entry, global defaults applied.
   *
   * @throws InvalidConfigException naming the field, in Alertmanager's words where it has them
   */
  C parse(YamlNode node, Globals globals) throws InvalidConfigException;

  /** Whether resolved alerts are sent to an integration with these settings. */
  boolean sendResolved(C settings);

  /**
   * The {@code global} keys of this type (e.g. {@code opsgenie_api_key}, {@code
   * opsgenie_api_key_file}); the global section accepts them.
   */
  default List<String> globalKeys() {
    return List.of();
  }

  /** A type from its parts. */
  static <C> IntegrationType<C> of(
      String type,
      Class<C> settingsType,
      Reader<C> reader,
      java.util.function.Predicate<C> resolved) {
    return new IntegrationType<>() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public Class<C> settingsType() {
        return settingsType;
      }

      @Override
      public C parse(YamlNode node, Globals globals) throws InvalidConfigException {
        return reader.read(node, globals);
      }

      @Override
      public boolean sendResolved(C settings) {
        return resolved.test(settings);
      }
    };
  }

  /** Reads one entry. */
  @FunctionalInterface
  interface Reader<C> {
    C read(YamlNode node, Globals globals) throws InvalidConfigException;
  }
}
