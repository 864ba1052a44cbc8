package io.alertstream.topology.history;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.explain.Decision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the alerts' timelines of a history request from the records: first every receipt of an
 * alert (from {@code alertstream-alerts}, in log order), then every decision (from {@code
 * alertstream-decisions}, in log order). Only alerts that match the request's filter are followed,
 * at most {@link #MAX_TRACKED} at once (beyond, the least recently received is forgotten); the
 * answer holds the {@link #MAX_ALERTS} most recently active.
 */
public final class HistoryAssembler {

  /** Alerts in one answer. */
  public static final int MAX_ALERTS = 500;

  /** Alerts followed at once while reading. */
  public static final int MAX_TRACKED = 10_000;

  private final HistoryQuery query;
  private int forgotten;

  private final Map<String, AlertTrack> tracks;

  public HistoryAssembler(HistoryQuery query) {
    this.query = query;
    this.tracks =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, AlertTrack> eldest) {
            if (size() <= MAX_TRACKED) {
              return false;
            }
            if (eldest.getValue().showsIn(query.from(), query.to())) {
              forgotten++;
            }
            return true;
          }
        };
  }

  /**
   * One receipt of an alert.
   *
   * @param timestamp the record's timestamp, the receipt time of an alert without {@code
   *     receivedAt}
   */
  public void receipt(AlertEvent event, long timestamp) {
    if (!query.filter().matches(event.getLabels())) {
      return;
    }
    Alert incoming = Alert.received(event, timestamp, query.resolveTimeoutMs());
    tracks
        .computeIfAbsent(incoming.fingerprint(), fp -> new AlertTrack(fp, incoming.labels()))
        .receive(incoming);
  }

  /** One decision; decisions about alerts without a receipt read (or filtered out) are ignored. */
  public void decision(Decision d) {
    if (d.kind() == null || d.at() < query.from() || d.at() > query.to()) {
      return;
    }
    for (Decision one : d.perAlert()) {
      AlertTrack track = tracks.get(one.fingerprint());
      if (track != null) {
        track.decide(one);
      }
    }
  }

  /**
   * The answer.
   *
   * @param scanned the tenant's records read
   * @param unreadable the tenant's records that could not be read (left out)
   * @param completeFrom from when every record of the range was read
   */
  public History result(long scanned, int unreadable, long completeFrom) {
    List<AlertTimeline> shown = new ArrayList<>();
    for (AlertTrack track : tracks.values()) {
      if (track.showsIn(query.from(), query.to())) {
        shown.add(track.timeline(query.from(), query.to(), query.now()));
      }
    }
    shown.sort(
        Comparator.comparingLong(AlertTimeline::lastActive)
            .reversed()
            .thenComparing(AlertTimeline::fingerprint));
    int omitted = forgotten + Math.max(0, shown.size() - MAX_ALERTS);
    List<AlertTimeline> alerts = List.copyOf(shown.subList(0, Math.min(shown.size(), MAX_ALERTS)));
    long from = Math.max(query.from(), completeFrom);
    return new History(
        query.from(), query.to(), scanned, unreadable, from > query.from(), from, omitted, alerts);
  }
}
