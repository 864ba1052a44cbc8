package io.alertstream.config.receivers;

/**
 * One {@code webhook_configs} entry. The URL is a secret (it often carries a token), so {@link
 * #toString()} never shows it.
 *
 * @param url where to POST: a URL, or a template of one (rendered per notification, as upstream
 *     0.31+ does)
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param maxAlerts how many alerts a payload carries at most; 0 means all
 * @param http proxy, TLS and authorization settings
 * @param payload a custom body ({@code payload}): a structure whose strings are templates, sent as
 *     JSON instead of the webhook v4 payload; empty for the standard payload
 */
public record WebhookConfig(
    String url,
    boolean sendResolved,
    int maxAlerts,
    HttpClientConfig http,
    java.util.Optional<Object> payload) {

  /** With the standard payload. */
  public WebhookConfig(String url, boolean sendResolved, int maxAlerts, HttpClientConfig http) {
    this(url, sendResolved, maxAlerts, http, java.util.Optional.empty());
  }

  /** Whether the URL is a template. */
  public boolean templatedUrl() {
    return url.contains("{{");
  }

  @Override
  public String toString() {
    return "WebhookConfig[url=<secret>, sendResolved="
        + sendResolved
        + ", maxAlerts="
        + maxAlerts
        + "]";
  }
}
