package io.alertstream.config.receivers.pushover;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import java.time.Duration;

/**
 * One {@code pushover_configs} entry, Alertmanager's defaults applied. Strings are templates the
 * notifier renders.
 *
 * @param userKey the recipient's user (or group) key (a secret)
 * @param token the application's API token (a secret)
 * @param retry how often Pushover repeats an emergency-priority message
 * @param expire how long Pushover repeats it
 * @param ttl how long the message lives on the device; zero for Pushover's default
 * @param html whether the message is HTML (rendered with HTML escaping)
 * @param monospace whether the message is shown in a monospace font
 */
public record PushoverConfig(
    Secret userKey,
    Secret token,
    boolean sendResolved,
    String title,
    String message,
    String url,
    String urlTitle,
    String device,
    String sound,
    String priority,
    Duration retry,
    Duration expire,
    Duration ttl,
    boolean html,
    boolean monospace,
    HttpClientConfig http) {

  @Override
  public String toString() {
    return "PushoverConfig[userKey=<secret>, token=<secret>, sendResolved="
        + sendResolved
        + ", priority="
        + priority
        + ", retry="
        + retry
        + ", expire="
        + expire
        + ", ttl="
        + ttl
        + ", html="
        + html
        + ", monospace="
        + monospace
        + "]";
  }
}
