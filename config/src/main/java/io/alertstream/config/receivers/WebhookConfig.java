package io.alertstream.config.receivers;

import java.net.URI;

/**
 * One {@code webhook_configs} entry. The URL is a secret (it often carries a token), so {@link
 * #toString()} never shows it.
 *
 * @param url where to POST the webhook v4 payload
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param maxAlerts how many alerts a payload carries at most; 0 means all
 * @param http proxy, TLS and authorization settings
 */
public record WebhookConfig(URI url, boolean sendResolved, int maxAlerts, HttpClientConfig http) {

  @Override
  public String toString() {
    return "WebhookConfig[url=<secret>, sendResolved="
        + sendResolved
        + ", maxAlerts="
        + maxAlerts
        + "]";
  }
}
