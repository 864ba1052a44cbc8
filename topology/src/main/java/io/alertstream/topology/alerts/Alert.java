package io.alertstream.topology.alerts;

import io.alertstream.schemas.AlertEvent;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert as Alertmanager keeps it, times in epoch milliseconds. {@code timeout} says that {@code
 * endsAt} was not given but set from resolve_timeout.
 */
public record Alert(
    String fingerprint,
    Map<String, String> labels,
    Map<String, String> annotations,
    long startsAt,
    long endsAt,
    String generatorUrl,
    long updatedAt,
    boolean timeout) {

  public Alert {
    labels = new TreeMap<>(labels);
    annotations = new TreeMap<>(annotations);
  }

  /** Applies Alertmanager's receipt defaults to a posted alert. */
  public static Alert received(AlertEvent event, long now, long resolveTimeoutMs) {
    long receivedAt = event.getReceivedAt() != null ? event.getReceivedAt().toEpochMilli() : now;
    long startsAt = event.getStartsAt() != null ? event.getStartsAt().toEpochMilli() : receivedAt;
    boolean timeout = event.getEndsAt() == null;
    long endsAt = timeout ? receivedAt + resolveTimeoutMs : event.getEndsAt().toEpochMilli();
    return new Alert(
        Fingerprint.of(event.getLabels()),
        event.getLabels(),
        event.getAnnotations(),
        startsAt,
        endsAt,
        event.getGeneratorURL() == null ? "" : event.getGeneratorURL(),
        receivedAt,
        timeout);
  }

  public boolean resolvedAt(long now) {
    return endsAt <= now;
  }

  /**
   * What the store keeps when {@code incoming} arrives and {@code stored} is there: the two are
   * merged only if their active ranges overlap; otherwise the new copy replaces the old (a
   * re-fire).
   */
  public static Alert put(Alert stored, Alert incoming, long now) {
    if (stored == null) {
      return incoming;
    }
    boolean overlap =
        (incoming.endsAt > stored.startsAt && incoming.endsAt < stored.endsAt)
            || (incoming.startsAt > stored.startsAt && incoming.startsAt < stored.endsAt);
    return overlap ? stored.merge(incoming, now) : incoming;
  }

  /**
   * Alertmanager's merge: the younger copy's fields, the earliest start; for the end, the later
   * resolve time wins if both are resolved, and an explicit later end wins while firing.
   */
  Alert merge(Alert other, long now) {
    if (other.updatedAt < updatedAt) {
      return other.merge(this, now);
    }
    long start = Math.min(startsAt, other.startsAt);
    long end = other.endsAt;
    boolean endTimeout = other.timeout;
    if (other.resolvedAt(now)) {
      if (resolvedAt(now) && endsAt > other.endsAt) {
        end = endsAt;
        endTimeout = timeout;
      }
    } else if (endsAt > other.endsAt && !timeout) {
      end = endsAt;
      endTimeout = false;
    }
    return new Alert(
        other.fingerprint,
        other.labels,
        other.annotations,
        start,
        end,
        other.generatorUrl,
        other.updatedAt,
        endTimeout);
  }
}
