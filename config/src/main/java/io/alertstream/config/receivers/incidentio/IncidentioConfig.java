package io.alertstream.config.receivers.incidentio;

import io.alertstream.config.receivers.HttpClientConfig;
import java.net.URI;

/**
 * One {@code incidentio_configs} entry.
 *
 * @param url the alert source's HTTP endpoint (a secret: it names the source)
 * @param maxAlerts at most this many alerts per message, the rest counted in truncatedAlerts; 0 for
 *     all
 * @param http proxy, TLS, timeout and authorization: the alert source token as a Bearer
 *     Authorization when one is set, else the http_config's own
 */
public record IncidentioConfig(
    URI url, boolean sendResolved, int maxAlerts, HttpClientConfig http) {

  @Override
  public String toString() {
    return "IncidentioConfig[url=<secret>, sendResolved="
        + sendResolved
        + ", maxAlerts="
        + maxAlerts
        + ", http="
        + http
        + "]";
  }
}
