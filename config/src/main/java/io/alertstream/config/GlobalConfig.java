package io.alertstream.config;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.TlsConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code global} section: defaults for alerts and for the four built-in receiver types (the
 * other types read their own global keys through {@code Globals}).
 *
 * @param smtpTls {@code smtp_tls_config}
 * @param smtpForceImplicitTls {@code smtp_force_implicit_tls}; empty when unset
 * @param slackApiUrl {@code slack_api_url}; null when unset
 * @param slackAppToken {@code slack_app_token}; empty when unset
 * @param slackAppUrl {@code slack_app_url}, Slack's chat.postMessage unless set
 */
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
    TlsConfig smtpTls,
    Optional<Boolean> smtpForceImplicitTls,
    URI slackApiUrl,
    Secret slackAppToken,
    URI slackAppUrl,
    URI pagerdutyUrl,
    HttpClientConfig httpConfig) {

  public static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofMinutes(5);
  public static final URI DEFAULT_SLACK_APP_URL =
      URI.create("https://slack.com/api/chat.postMessage");
  public static final URI DEFAULT_PAGERDUTY_URL =
      URI.create("https://events.pagerduty.com/v2/enqueue");
}
