package io.alertstream.templates;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data Alertmanager's notification templates see: {@code .Receiver}, {@code .Status}, {@code
 * .Alerts} (with {@code .Firing} and {@code .Resolved}), {@code .NotificationReason}, {@code
 * .GroupLabels}, {@code .CommonLabels}, {@code .CommonAnnotations}, {@code .RouteLabels}, {@code
 * .ExternalURL}.
 *
 * @param notificationReason why this notification is sent, in Alertmanager's words ({@code first
 *     notification}, {@code new alerts added}, {@code some alerts resolved}, {@code all alerts
 *     resolved}, {@code repeat interval elapsed})
 * @param routeLabels the route's labels, already rendered ({@code routeLabels "name"} returns them
 *     as they are)
 */
public record AlertmanagerData(
    String receiver,
    String status,
    Alerts alerts,
    String notificationReason,
    KV groupLabels,
    KV commonLabels,
    KV commonAnnotations,
    KV routeLabels,
    String externalUrl)
    implements TemplateObject {

  /** Data without a notification reason or route labels. */
  public AlertmanagerData(
      String receiver,
      String status,
      Alerts alerts,
      KV groupLabels,
      KV commonLabels,
      KV commonAnnotations,
      String externalUrl) {
    this(
        receiver,
        status,
        alerts,
        "",
        groupLabels,
        commonLabels,
        commonAnnotations,
        new KV(Map.of()),
        externalUrl);
  }

  /** One alert: {@code .Status}, {@code .Labels}, {@code .Annotations}, times, source, id. */
  public record Alert(
      String status,
      KV labels,
      KV annotations,
      Instant startsAt,
      Optional<Instant> endsAt,
      String generatorUrl,
      String fingerprint)
      implements TemplateObject {

    static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

    public boolean firing() {
      return "firing".equals(status);
    }

    @Override
    public Object field(String name) {
      return switch (name) {
        case "Status" -> status;
        case "Labels" -> labels;
        case "Annotations" -> annotations;
        case "StartsAt" -> new GoTime(startsAt);
        case "EndsAt" -> new GoTime(endsAt.orElse(GO_ZERO));
        case "GeneratorURL" -> generatorUrl;
        case "Fingerprint" -> fingerprint;
        default -> MISSING;
      };
    }

    @Override
    public String typeName() {
      return "template.Alert";
    }
  }

  /** A list of alerts with {@code .Firing} and {@code .Resolved}. */
  public static final class Alerts extends AbstractList<Alert> implements TemplateObject {
    private final List<Alert> alerts;

    /** Go's template.Alerts; false for what Firing and Resolved return, a []template.Alert. */
    private final boolean named;

    public Alerts(List<Alert> alerts) {
      this(alerts, true);
    }

    private Alerts(List<Alert> alerts, boolean named) {
      this.alerts = List.copyOf(alerts);
      this.named = named;
    }

    @Override
    public Alert get(int index) {
      return alerts.get(index);
    }

    @Override
    public int size() {
      return alerts.size();
    }

    public Alerts firing() {
      return new Alerts(alerts.stream().filter(Alert::firing).toList(), false);
    }

    public Alerts resolved() {
      return new Alerts(alerts.stream().filter(a -> !a.firing()).toList(), false);
    }

    @Override
    public Object field(String name) {
      return switch (name) {
        case "Firing" -> firing();
        case "Resolved" -> resolved();
        default -> MISSING;
      };
    }

    @Override
    public String typeName() {
      return named ? "template.Alerts" : "[]template.Alert";
    }
  }

  public boolean isFiring() {
    return "firing".equals(status);
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "Receiver" -> receiver;
      case "Status" -> status;
      case "Alerts" -> alerts;
      case "NotificationReason" -> notificationReason;
      case "GroupLabels" -> groupLabels;
      case "CommonLabels" -> commonLabels;
      case "CommonAnnotations" -> commonAnnotations;
      case "RouteLabels" -> routeLabels;
      case "ExternalURL" -> externalUrl;
      default -> MISSING;
    };
  }

  @Override
  public String typeName() {
    return "template.Data";
  }

  /** A label map, for building data. */
  public static KV kv(Map<String, String> pairs) {
    return new KV(pairs);
  }
}
