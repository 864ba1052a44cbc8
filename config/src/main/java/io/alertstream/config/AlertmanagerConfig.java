package io.alertstream.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's validated Alertmanager configuration: so far the parts the walking skeleton uses (the
 * root route's receiver and webhook integrations). Inside the system, code trusts it.
 *
 * @param resolveTimeout {@code global.resolve_timeout}: how long an alert without endsAt stays
 *     firing
 * @param rootReceiver the receiver of the root route
 * @param receivers the receivers by name
 */
public record AlertmanagerConfig(
    Duration resolveTimeout, String rootReceiver, Map<String, ReceiverConfig> receivers) {

  public static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofMinutes(5);

  public AlertmanagerConfig {
    receivers = Map.copyOf(receivers);
  }

  public Optional<ReceiverConfig> receiver(String name) {
    return Optional.ofNullable(receivers.get(name));
  }
}
