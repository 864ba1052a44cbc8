package io.alertstream.config;

import io.alertstream.config.inhibition.InhibitRule;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.config.routing.Route;
import io.alertstream.config.timeintervals.TimeInterval;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's validated Alertmanager configuration. Built once at the edge by {@link ConfigParser};
 * inside, code trusts it.
 *
 * @param receivers by name, in document order
 * @param timeIntervals by name, from both {@code time_intervals} and {@code mute_time_intervals}
 * @param templates the {@code templates} globs, as written
 * @param warnings keys accepted but not acted on as Alertmanager would, each saying why
 */
public record AlertmanagerConfig(
    GlobalConfig global,
    Route route,
    Map<String, ReceiverConfig> receivers,
    List<InhibitRule> inhibitRules,
    Map<String, TimeInterval> timeIntervals,
    List<String> templates,
    List<ConfigWarning> warnings) {

  public AlertmanagerConfig {
    receivers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(receivers));
    inhibitRules = List.copyOf(inhibitRules);
    timeIntervals = Map.copyOf(timeIntervals);
    templates = List.copyOf(templates);
    warnings = List.copyOf(warnings);
  }

  public Duration resolveTimeout() {
    return global.resolveTimeout();
  }

  public String rootReceiver() {
    return route.receiver();
  }

  public Optional<ReceiverConfig> receiver(String name) {
    return Optional.ofNullable(receivers.get(name));
  }
}
