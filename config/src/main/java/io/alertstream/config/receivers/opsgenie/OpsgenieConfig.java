package io.alertstream.config.receivers.opsgenie;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One {@code opsgenie_configs} entry, global defaults applied. Every string but the URL is a
 * template the notifier renders.
 *
 * @param apiKey the GenieKey (a secret; may itself be a template, as in Alertmanager)
 * @param apiUrl the API base, ending in {@code /} ({@code https://api.opsgenie.com/} by default)
 * @param details extra {@code details} entries, added to the common labels
 * @param responders who the alert is for
 * @param actions comma-separated action names
 * @param tags comma-separated tags
 * @param updateAlerts whether a firing notification also updates the message and description of an
 *     alert that already exists
 */
public record OpsgenieConfig(
    Secret apiKey,
    URI apiUrl,
    boolean sendResolved,
    String message,
    String description,
    String source,
    Map<String, String> details,
    String entity,
    List<Responder> responders,
    String actions,
    String tags,
    String note,
    String priority,
    boolean updateAlerts,
    HttpClientConfig http) {

  /** One responder: at least one of id, name and username; type team, teams, user, ... */
  public record Responder(String id, String name, String username, String type) {}

  public OpsgenieConfig {
    details = Map.copyOf(details);
    responders = List.copyOf(responders);
  }

  @Override
  public String toString() {
    return "OpsgenieConfig[apiKey=<secret>, apiUrl="
        + apiUrl.getScheme()
        + "://"
        + apiUrl.getHost()
        + ", sendResolved="
        + sendResolved
        + ", responders="
        + responders
        + ", updateAlerts="
        + updateAlerts
        + "]";
  }
}
