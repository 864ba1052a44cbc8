package io.alertstream.config.tenant;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Alertstream's own settings for a tenant: the {@code alertstream:} section of the config API's
 * body, beside {@code alertmanager_config} and {@code template_files}, so that the tenant's
 * alertmanager.yml stays one that Alertmanager and amtool accept.
 *
 * <pre>
 * alertstream:
 *   dry_run: true                  # record every notification instead of sending it
 *   dry_run: [slack, email]        # or: only those of these integration types
 *   resolved_after_silence: [team-x]  # receivers told of a resolution under a silence
 * </pre>
 *
 * @param dryRunAll {@code dry_run: true}: the connectors record all of the tenant's notifications
 *     on the dry-run topic instead of sending them
 * @param dryRunIntegrations {@code dry_run: [types]}: only notifications of these types are
 *     recorded instead of sent
 * @param resolvedAfterSilence {@code resolved_after_silence: [receivers]}: these receivers are told
 *     that an alert resolved although a silence muted it after they were told it fired
 *     (Alertmanager tells them nothing)
 */
public record TenantSettings(
    boolean dryRunAll, Set<String> dryRunIntegrations, Set<String> resolvedAfterSilence) {

  /** The section's key in the config API's body. */
  public static final String SECTION = "alertstream";

  private static final String RESOLVED_AFTER_SILENCE = "resolved_after_silence";

  /** A tenant that set nothing: everything is delivered. */
  public static final TenantSettings DEFAULT = new TenantSettings(false, Set.of(), Set.of());

  /** The integration types Alertstream delivers, which {@code dry_run} may name. */
  public static final List<String> INTEGRATION_TYPES =
      io.alertstream.config.receivers.IntegrationTypes.ALL.names();

  public TenantSettings {
    dryRunIntegrations = java.util.Collections.unmodifiableSet(new TreeSet<>(dryRunIntegrations));
    resolvedAfterSilence =
        java.util.Collections.unmodifiableSet(new TreeSet<>(resolvedAfterSilence));
  }

  /** Dry-run settings only, as the connectors read them. */
  public TenantSettings(boolean dryRunAll, Set<String> dryRunIntegrations) {
    this(dryRunAll, dryRunIntegrations, Set.of());
  }

  /** Whether the tenant's notifications of this integration type are recorded, not sent. */
  public boolean dryRun(String integrationType) {
    return dryRunAll || dryRunIntegrations.contains(integrationType);
  }

  /** Whether any of the tenant's integrations is in dry run. */
  public boolean anyDryRun() {
    return dryRunAll || !dryRunIntegrations.isEmpty();
  }

  /**
   * The integration types in dry run, for messages: all of them when {@code dry_run: true}, else
   * those named.
   */
  public List<String> dryRunTypes() {
    return dryRunAll
        ? INTEGRATION_TYPES
        : INTEGRATION_TYPES.stream().filter(dryRunIntegrations::contains).toList();
  }

  /** One sentence on what dry run does for this tenant; empty when nothing is in dry run. */
  public String dryRunSummary() {
    if (dryRunAll) {
      return "dry run: none of this tenant's notifications are sent; the connectors record the"
          + " requests they would make instead (alertstream.dry_run)";
    }
    if (!dryRunIntegrations.isEmpty()) {
      return "dry run: this tenant's "
          + String.join(", ", dryRunTypes())
          + " notifications are not sent; the connectors record the requests they would make"
          + " instead (alertstream.dry_run)";
    }
    return "";
  }

  /**
   * Reads a YAML document that holds only the {@code alertstream:} section, as the local launcher's
   * {@code <tenant>.alertstream.yml} files do.
   */
  public static TenantSettings parseDocument(String yaml) throws InvalidConfigException {
    YamlNode root = YamlNode.parse(yaml);
    root.requireMap().allowOnly(SECTION);
    return parse(root.get(SECTION));
  }

  /** Reads the {@code alertstream:} section; absent, the tenant has the defaults. */
  public static TenantSettings parse(YamlNode section) throws InvalidConfigException {
    if (section.isAbsent()) {
      return DEFAULT;
    }
    section.requireMap().allowOnly("dry_run", RESOLVED_AFTER_SILENCE);
    Set<String> resolvedAfterSilence = new TreeSet<>();
    YamlNode receivers = section.get(RESOLVED_AFTER_SILENCE);
    if (!receivers.isAbsent() && !receivers.isList()) {
      throw receivers.error("must be a list of receiver names");
    }
    if (!receivers.isAbsent()) {
      for (YamlNode item : receivers.items()) {
        resolvedAfterSilence.add(item.text(""));
      }
    }
    TenantSettings dryRun = parseDryRun(section);
    return new TenantSettings(
        dryRun.dryRunAll(), dryRun.dryRunIntegrations(), resolvedAfterSilence);
  }

  /**
   * Refuses a {@code resolved_after_silence} entry that names no receiver of the config.
   *
   * @param section the {@code alertstream:} section these settings were read from
   */
  public void checkReceivers(YamlNode section, Set<String> receiverNames)
      throws InvalidConfigException {
    YamlNode receivers = section.get(RESOLVED_AFTER_SILENCE);
    if (receivers.isAbsent()) {
      return;
    }
    for (YamlNode item : receivers.items()) {
      if (!receiverNames.contains(item.text(""))) {
        throw item.error("no receiver named \"" + item.text("") + "\" in alertmanager_config");
      }
    }
  }

  private static TenantSettings parseDryRun(YamlNode section) throws InvalidConfigException {
    YamlNode dryRun = section.get("dry_run");
    if (dryRun.isAbsent()) {
      return DEFAULT;
    }
    if (dryRun.isScalar()) {
      return new TenantSettings(section.bool("dry_run", false), Set.of());
    }
    if (!dryRun.isList()) {
      throw dryRun.error(
          "must be true, false or a list of integration types ("
              + String.join(", ", INTEGRATION_TYPES)
              + ")");
    }
    Set<String> types = new TreeSet<>();
    for (YamlNode item : dryRun.items()) {
      String type = item.text("");
      if (!INTEGRATION_TYPES.contains(type)) {
        throw item.error(
            "unknown integration type \""
                + type
                + "\" (known: "
                + String.join(", ", INTEGRATION_TYPES)
                + ")");
      }
      types.add(type);
    }
    return new TenantSettings(false, types);
  }

  /**
   * The section as the config API shows it back ({@code dry_run: true} or the list); empty for the
   * defaults, so that a tenant who set nothing sees Mimir's body unchanged.
   */
  public Map<String, Object> toYaml() {
    Map<String, Object> section = new LinkedHashMap<>();
    if (dryRunAll) {
      section.put("dry_run", true);
    } else if (!dryRunIntegrations.isEmpty()) {
      section.put("dry_run", new ArrayList<>(dryRunTypes()));
    }
    if (!resolvedAfterSilence.isEmpty()) {
      section.put(RESOLVED_AFTER_SILENCE, new ArrayList<>(resolvedAfterSilence));
    }
    return section;
  }
}
