package io.alertstream.connectors.rendering;

import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotifiedAlert;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Alertmanager's templates see for one notification: receiver (regex-quoted, as Alertmanager
 * passes it), status, alerts (firing and resolved), group, common labels and annotations, the
 * external URL.
 */
public record TemplateData(
    String receiver,
    String status,
    List<AlertData> alerts,
    LabelPairs groupLabels,
    LabelPairs commonLabels,
    LabelPairs commonAnnotations,
    String externalUrl) {

  /** One alert as templates see it. */
  public record AlertData(
      String status,
      LabelPairs labels,
      LabelPairs annotations,
      Instant startsAt,
      Optional<Instant> endsAt,
      String generatorUrl,
      String fingerprint) {

    public boolean firing() {
      return "firing".equals(status);
    }
  }

  public static TemplateData of(Notification n) {
    return new TemplateData(
        GoText.quoteMeta(n.getReceiver()),
        status(n.getStatus()),
        n.getAlerts().stream().map(TemplateData::alert).toList(),
        LabelPairs.of(n.getGroupLabels()),
        LabelPairs.of(n.getCommonLabels()),
        LabelPairs.of(n.getCommonAnnotations()),
        n.getExternalURL());
  }

  private static AlertData alert(NotifiedAlert a) {
    return new AlertData(
        status(a.getStatus()),
        LabelPairs.of(a.getLabels()),
        LabelPairs.of(a.getAnnotations()),
        a.getStartsAt(),
        Optional.ofNullable(a.getEndsAt()),
        a.getGeneratorURL(),
        a.getFingerprint());
  }

  private static String status(AlertStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  public List<AlertData> firing() {
    return alerts.stream().filter(AlertData::firing).toList();
  }

  public List<AlertData> resolved() {
    return alerts.stream().filter(a -> !a.firing()).toList();
  }

  public boolean isFiring() {
    return "firing".equals(status);
  }
}
