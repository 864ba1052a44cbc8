package io.alertstream.config.receivers.victorops;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import java.net.URI;
import java.util.Map;

/**
 * One {@code victorops_configs} entry, global defaults applied. Every string but the key and the
 * URL is a template the notifier renders.
 *
 * @param apiKey the REST endpoint key, part of the URL path (a secret)
 * @param apiUrl the REST endpoint base, ending in {@code /}
 * @param routingKey where VictorOps routes the alert; the last part of the URL path
 * @param messageType CRITICAL, WARNING or INFO while firing (anything else means CRITICAL)
 * @param customFields further fields of the body; none may be one of the fixed fields
 */
public record VictoropsConfig(
    Secret apiKey,
    URI apiUrl,
    boolean sendResolved,
    String routingKey,
    String messageType,
    String stateMessage,
    String entityDisplayName,
    String monitoringTool,
    Map<String, String> customFields,
    HttpClientConfig http) {

  public VictoropsConfig {
    customFields = Map.copyOf(customFields);
  }

  @Override
  public String toString() {
    return "VictoropsConfig[apiKey=<secret>, apiUrl="
        + apiUrl.getScheme()
        + "://"
        + apiUrl.getHost()
        + ", sendResolved="
        + sendResolved
        + ", routingKey=<secret>"
        + ", messageType="
        + messageType
        + "]";
  }
}
