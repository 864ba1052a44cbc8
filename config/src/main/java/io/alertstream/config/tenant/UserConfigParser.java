package io.alertstream.config.tenant;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.yaml.YamlNode;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and validates the body of {@code POST /api/v1/alerts}: YAML with {@code
 * alertmanager_config} (a string), {@code template_files} (name → text) and Alertstream's own
 * {@code alertstream:} section ({@link TenantSettings}), within the tenant's limits. Nothing is
 * stored unless this accepts it.
 */
public final class UserConfigParser {

  private final ConfigParser configParser = new ConfigParser();

  public UserConfig parse(String body, TenantLimits limits) throws InvalidConfigException {
    if (body == null || body.isBlank()) {
      throw new InvalidConfigException(
          "",
          "configuration provided is empty, if you'd like to remove your configuration please use the delete configuration endpoint");
    }
    YamlNode root = YamlNode.parse(body);
    root.requireMap().allowOnly("template_files", "alertmanager_config", TenantSettings.SECTION);
    TenantSettings settings = TenantSettings.parse(root.get(TenantSettings.SECTION));
    String config = root.string("alertmanager_config", "");
    if (config.isBlank()) {
      throw root.get("alertmanager_config")
          .error(
              "configuration provided is empty, if you'd like to remove your configuration please use the delete configuration endpoint");
    }
    int size = config.getBytes(StandardCharsets.UTF_8).length;
    if (limits.maxConfigSizeBytes() > 0 && size > limits.maxConfigSizeBytes()) {
      throw root.get("alertmanager_config")
          .error(
              "Alertmanager configuration is too big, limit: "
                  + limits.maxConfigSizeBytes()
                  + " bytes");
    }
    Map<String, String> templates = new LinkedHashMap<>(root.stringMap("template_files"));
    if (limits.maxTemplatesCount() > 0 && templates.size() > limits.maxTemplatesCount()) {
      throw root.get("template_files")
          .error(
              "too many templates in the configuration: "
                  + templates.size()
                  + " (limit: "
                  + limits.maxTemplatesCount()
                  + ")");
    }
    for (Map.Entry<String, String> t : templates.entrySet()) {
      YamlNode field = root.get("template_files").get(t.getKey());
      if (t.getKey().isEmpty()
          || t.getKey().contains("/")
          || t.getKey().contains("\\")
          || t.getKey().equals("..")
          || t.getKey().equals(".")) {
        throw field.error(
            "template file name \""
                + t.getKey()
                + "\" is not valid: it must be a plain file name, not a path");
      }
      int templateSize = t.getValue().getBytes(StandardCharsets.UTF_8).length;
      if (limits.maxTemplateSizeBytes() > 0 && templateSize > limits.maxTemplateSizeBytes()) {
        throw field.error(
            "template "
                + t.getKey()
                + " is too big: "
                + templateSize
                + " bytes (limit: "
                + limits.maxTemplateSizeBytes()
                + " bytes)");
      }
      try {
        TemplateSet.builder().parse(t.getKey(), t.getValue());
      } catch (TemplateException e) {
        throw field.error("invalid template: " + e.getMessage());
      }
    }
    AlertmanagerConfig parsed;
    try {
      parsed = configParser.parse(config);
      for (String glob : parsed.templates()) {
        if (glob.contains("/")) {
          throw new InvalidConfigException(
              "templates",
              "template paths are not allowed in a tenant configuration: use template_files and name them by file name");
        }
      }
    } catch (InvalidConfigException e) {
      // Name the field inside alertmanager_config; its lines count from the config text.
      throw new InvalidConfigException(
          e.field().isEmpty() ? "alertmanager_config" : "alertmanager_config." + e.field(),
          e.line(),
          stripWhere(e));
    }
    settings.checkReceivers(root.get(TenantSettings.SECTION), parsed.receivers().keySet());
    return new UserConfig(config, templates, settings, parsed);
  }

  private static String stripWhere(InvalidConfigException e) {
    String message = e.getMessage();
    int colon = message.indexOf(": ");
    return (e.field().isEmpty() && e.line() == 0) || colon < 0
        ? message
        : message.substring(colon + 2);
  }
}
