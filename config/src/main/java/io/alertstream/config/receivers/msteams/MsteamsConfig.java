package io.alertstream.config.receivers.msteams;

import io.alertstream.config.receivers.HttpClientConfig;
import java.net.URI;

/**
 * One {@code msteams_configs} entry (an Office 365 connector's MessageCard), Alertmanager's
 * defaults applied.
 *
 * @param webhookUrl the connector's incoming-webhook URL (a secret)
 * @param title template of the card's title
 * @param summary template of the card's summary
 * @param text template of the card's text
 * @param http proxy and TLS settings
 */
public record MsteamsConfig(
    URI webhookUrl,
    boolean sendResolved,
    String title,
    String summary,
    String text,
    HttpClientConfig http) {

  public static final String DEFAULT_TITLE = "{{ template \"msteams.default.title\" . }}";
  public static final String DEFAULT_SUMMARY = "{{ template \"msteams.default.summary\" . }}";
  public static final String DEFAULT_TEXT = "{{ template \"msteams.default.text\" . }}";

  @Override
  public String toString() {
    return "MsteamsConfig[webhookUrl=<secret>, sendResolved="
        + sendResolved
        + ", title="
        + title
        + ", summary="
        + summary
        + ", text="
        + text
        + ", http="
        + http
        + "]";
  }
}
