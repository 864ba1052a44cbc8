package io.alertstream.config.receivers.msteamsv2;

import io.alertstream.config.receivers.HttpClientConfig;
import java.net.URI;

/**
 * One {@code msteamsv2_configs} entry (an Adaptive Card to a Power Automate workflow),
 * Alertmanager's defaults applied.
 *
 * @param webhookUrl the workflow's HTTP trigger URL (a secret: its query holds the signature)
 * @param title template of the card's heading
 * @param text template of the card's text
 * @param http proxy and TLS settings; an entry's own http_config without a proxy takes the global
 *     proxy, as in Alertmanager
 */
public record Msteamsv2Config(
    URI webhookUrl, boolean sendResolved, String title, String text, HttpClientConfig http) {

  public static final String DEFAULT_TITLE = "{{ template \"msteamsv2.default.title\" . }}";
  public static final String DEFAULT_TEXT = "{{ template \"msteamsv2.default.text\" . }}";

  @Override
  public String toString() {
    return "Msteamsv2Config[webhookUrl=<secret>, sendResolved="
        + sendResolved
        + ", title="
        + title
        + ", text="
        + text
        + ", http="
        + http
        + "]";
  }
}
