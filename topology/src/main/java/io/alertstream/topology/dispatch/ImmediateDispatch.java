package io.alertstream.topology.dispatch;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.config.receivers.WebhookConfig;
import io.alertstream.config.routing.Route;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.IntegrationRef;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotificationReason;
import io.alertstream.schemas.NotifiedAlert;
import io.alertstream.topology.alerts.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Routes each alert through the tenant's routing tree and notifies, at once, every webhook
 * integration of every receiver it reaches, with the group key Alertmanager would give it.
 * Grouping, timers and dedup replace the "at once" later.
 */
public final class ImmediateDispatch {

  private final String externalUrl;

  public ImmediateDispatch(String externalUrl) {
    this.externalUrl = externalUrl;
  }

  /**
   * The notifications this alert causes.
   *
   * @param sourceId identifies the input record (e.g. partition and offset), so that processing the
   *     same record again yields the same notification ids
   */
  public List<Notification> dispatch(
      String tenant,
      long configVersion,
      AlertmanagerConfig config,
      AlertEvent alert,
      Instant now,
      String sourceId) {
    NotifiedAlert notified = notifiedAlert(alert, config, now);
    List<Notification> out = new ArrayList<>();
    for (Route route : config.route().match(alert.getLabels())) {
      ReceiverConfig receiver = config.receiver(route.receiver()).orElseThrow();
      Map<String, String> groupLabels = route.groupLabels(alert.getLabels());
      Group group = new Group(route.groupKey(groupLabels), groupLabels);
      List<WebhookConfig> webhooks = receiver.webhookConfigs();
      for (int index = 0; index < webhooks.size(); index++) {
        if (notified.getStatus() == AlertStatus.RESOLVED && !webhooks.get(index).sendResolved()) {
          continue;
        }
        out.add(
            notification(
                tenant,
                configVersion,
                receiver.name(),
                group,
                "webhook",
                index,
                notified,
                now,
                sourceId));
      }
    }
    return out;
  }

  private record Group(String key, Map<String, String> labels) {}

  private Notification notification(
      String tenant,
      long configVersion,
      String receiver,
      Group group,
      String type,
      int index,
      NotifiedAlert alert,
      Instant now,
      String sourceId) {
    String idSeed =
        String.join("\n", tenant, sourceId, group.key(), receiver, type, Integer.toString(index));
    return Notification.newBuilder()
        .setId(UUID.nameUUIDFromBytes(idSeed.getBytes(StandardCharsets.UTF_8)).toString())
        .setTenant(tenant)
        .setReceiver(receiver)
        .setIntegration(new IntegrationRef(type, index))
        .setReason(
            alert.getStatus() == AlertStatus.FIRING
                ? NotificationReason.FIRST
                : NotificationReason.RESOLVED)
        .setConfigVersion(configVersion)
        .setStatus(alert.getStatus())
        .setGroupKey(group.key())
        .setGroupLabels(group.labels())
        .setCommonLabels(alert.getLabels())
        .setCommonAnnotations(alert.getAnnotations())
        .setExternalURL(externalUrl)
        .setAlerts(List.of(alert))
        .setTruncatedAlerts(0)
        .setCreatedAt(now)
        .build();
  }

  private static NotifiedAlert notifiedAlert(
      AlertEvent alert, AlertmanagerConfig config, Instant now) {
    Instant startsAt = alert.getStartsAt() != null ? alert.getStartsAt() : now;
    Instant endsAt =
        alert.getEndsAt() != null ? alert.getEndsAt() : now.plus(config.resolveTimeout());
    boolean resolved = !endsAt.isAfter(now);
    return NotifiedAlert.newBuilder()
        .setStatus(resolved ? AlertStatus.RESOLVED : AlertStatus.FIRING)
        .setLabels(alert.getLabels())
        .setAnnotations(alert.getAnnotations())
        .setStartsAt(startsAt)
        .setEndsAt(resolved ? endsAt : null)
        .setGeneratorURL(alert.getGeneratorURL() == null ? "" : alert.getGeneratorURL())
        .setFingerprint(Fingerprint.of(alert.getLabels()))
        .build();
  }
}
