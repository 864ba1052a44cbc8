package io.alertstream.config;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import java.net.URI;
import java.time.Duration;

/** The {@code global} section: defaults for alerts and for every receiver. */
public record GlobalConfig(
    Duration resolveTimeout,
    String smtpFrom,
    String smtpHello,
    String smtpSmarthost,
    String smtpAuthUsername,
    Secret smtpAuthPassword,
    Secret smtpAuthSecret,
    String smtpAuthIdentity,
    boolean smtpRequireTls,
    URI slackApiUrl,
    URI pagerdutyUrl,
    HttpClientConfig httpConfig) {

  public static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofMinutes(5);
  public static final URI DEFAULT_PAGERDUTY_URL =
      URI.create("https://events.pagerduty.com/v2/enqueue");
}
