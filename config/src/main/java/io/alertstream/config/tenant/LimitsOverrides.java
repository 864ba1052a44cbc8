package io.alertstream.config.tenant;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.yaml.Durations;
import io.alertstream.config.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Per-tenant limits from a file in the format of Mimir's runtime configuration: {@code overrides:
 * {<tenant>: {alertmanager_max_alerts_count: 100, ...}}}. A tenant's entry changes only the limits
 * it names; the others stay the defaults. Keys of other Mimir components (ingestion, rulers, ...)
 * and other top-level sections are ignored, so Mimir's own file can be given as it is; {@code
 * alertmanager_*} keys that Alertstream has no limit for are listed in {@link #notApplied()}.
 *
 * @param byTenant each overridden tenant's limits, defaults filled in
 * @param notApplied the {@code alertmanager_*} keys the file sets that Alertstream does not apply
 */
public record LimitsOverrides(Map<String, TenantLimits> byTenant, List<String> notApplied) {

  /** The Alertmanager limits Alertstream applies, by Mimir's name. */
  public static final List<String> KEYS =
      List.of(
          "alertmanager_max_config_size_bytes",
          "alertmanager_max_templates_count",
          "alertmanager_max_template_size_bytes",
          "alertmanager_max_alerts_count",
          "alertmanager_max_alerts_size_bytes",
          "alertmanager_max_dispatcher_aggregation_groups",
          "alertmanager_max_silences_count",
          "alertmanager_max_silence_duration",
          "alertmanager_max_silence_matchers_count",
          "alertmanager_receivers_firewall_block_private_addresses",
          "alertmanager_receivers_firewall_block_cidr_networks");

  public static final LimitsOverrides NONE = new LimitsOverrides(Map.of(), List.of());

  public LimitsOverrides {
    byTenant = Map.copyOf(byTenant);
    notApplied = List.copyOf(notApplied);
  }

  /**
   * Reads the file's text.
   *
   * @throws InvalidConfigException naming the field of a value that is not a limit
   */
  public static LimitsOverrides parse(String yaml, TenantLimits defaults)
      throws InvalidConfigException {
    YamlNode root = YamlNode.parse(yaml);
    if (root.isAbsent()) {
      return NONE;
    }
    root.requireMap();
    YamlNode overrides = root.get("overrides");
    if (overrides.isAbsent()) {
      return NONE;
    }
    overrides.requireMap();
    Map<String, TenantLimits> byTenant = new LinkedHashMap<>();
    TreeSet<String> notApplied = new TreeSet<>();
    for (String tenant : overrides.keys()) {
      YamlNode entry = overrides.get(tenant);
      if (entry.isAbsent()) {
        continue;
      }
      entry.requireMap();
      TenantLimits limits = defaults;
      for (String key : entry.keys()) {
        if (KEYS.contains(key)) {
          limits = with(limits, key, entry.get(key));
        } else if (key.startsWith("alertmanager_")) {
          notApplied.add(key);
        }
      }
      byTenant.put(tenant, limits);
    }
    return new LimitsOverrides(byTenant, List.copyOf(notApplied));
  }

  private static TenantLimits with(TenantLimits l, String key, YamlNode value)
      throws InvalidConfigException {
    if (key.equals("alertmanager_max_silence_duration")) {
      return l.withSilenceLimits(Durations.parse(value), l.maxSilenceMatchers());
    }
    if (key.equals("alertmanager_receivers_firewall_block_private_addresses")) {
      return l.withFirewall(new ReceiverFirewall(bool(value), l.firewall().blockedNetworks()));
    }
    if (key.equals("alertmanager_receivers_firewall_block_cidr_networks")) {
      return l.withFirewall(
          new ReceiverFirewall(l.firewall().blockPrivateAddresses(), networks(value)));
    }
    long n = count(value);
    int i = (int) Math.min(n, Integer.MAX_VALUE);
    return switch (key) {
      case "alertmanager_max_config_size_bytes" ->
          l.withConfigLimits(i, l.maxTemplatesCount(), l.maxTemplateSizeBytes());
      case "alertmanager_max_templates_count" ->
          l.withConfigLimits(l.maxConfigSizeBytes(), i, l.maxTemplateSizeBytes());
      case "alertmanager_max_template_size_bytes" ->
          l.withConfigLimits(l.maxConfigSizeBytes(), l.maxTemplatesCount(), i);
      case "alertmanager_max_alerts_count" ->
          l.withState(i, l.maxAlertsSizeBytes(), l.maxAggregationGroups(), l.maxSilences());
      case "alertmanager_max_alerts_size_bytes" ->
          l.withState(l.maxAlertsCount(), n, l.maxAggregationGroups(), l.maxSilences());
      case "alertmanager_max_dispatcher_aggregation_groups" ->
          l.withState(l.maxAlertsCount(), l.maxAlertsSizeBytes(), i, l.maxSilences());
      case "alertmanager_max_silences_count" ->
          l.withState(l.maxAlertsCount(), l.maxAlertsSizeBytes(), l.maxAggregationGroups(), i);
      case "alertmanager_max_silence_matchers_count" ->
          l.withSilenceLimits(l.maxSilenceDuration(), i);
      default -> throw new IllegalArgumentException(key);
    };
  }

  private static boolean bool(YamlNode value) throws InvalidConfigException {
    String text = value.text("");
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw value.error("must be true or false, not \"" + text + "\"");
    };
  }

  /** Mimir's comma-separated CIDRs (a YAML list is taken too). */
  private static List<CidrBlock> networks(YamlNode value) throws InvalidConfigException {
    List<String> texts = new java.util.ArrayList<>();
    if (value.isList()) {
      for (YamlNode item : value.items()) {
        texts.add(item.text(""));
      }
    } else {
      for (String part : value.text("").split(",")) {
        if (!part.isBlank()) {
          texts.add(part);
        }
      }
    }
    List<CidrBlock> networks = new java.util.ArrayList<>();
    for (String text : texts) {
      try {
        networks.add(CidrBlock.parse(text));
      } catch (IllegalArgumentException e) {
        throw value.error(e.getMessage());
      }
    }
    return networks;
  }

  /** A whole number of zero or more (Mimir's limits are ints; 0 is no limit). */
  private static long count(YamlNode value) throws InvalidConfigException {
    String text = value.text("");
    try {
      long n = Long.parseLong(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw value.error("must be a whole number of 0 or more (0: no limit), not \"" + text + "\"");
  }

  /** The limits of one tenant: its overrides, else the defaults. */
  public TenantLimits forTenant(String tenant, TenantLimits defaults) {
    return byTenant.getOrDefault(tenant, defaults);
  }
}
