package io.alertstream.topology.history;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.explain.Decision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the history knows of one alert while the records are read: its firing periods (receipts
 * merged as the topology merges them), its notifications, and the runs of flushes that silenced,
 * inhibited or muted it. Each list keeps its latest entries only, up to its cap.
 */
final class AlertTrack {

  static final int MAX_PERIODS = 100;
  static final int MAX_NOTIFICATIONS = 200;
  static final int MAX_SPANS = 100;

  /** A firing period being read: {@code refire} when it replaced an earlier one. */
  private static final class OpenPeriod {
    final long firstReceipt;
    final boolean refire;
    long start;
    long end;

    OpenPeriod(long firstReceipt, boolean refire, Alert alert) {
      this.firstReceipt = firstReceipt;
      this.refire = refire;
      this.start = alert.startsAt();
      this.end = alert.endsAt();
    }
  }

  /** Consecutive decisions of one kind with the same reference. */
  private static final class Run {
    final long from;
    final String ref;
    long to;
    int count = 1;
    String text;

    Run(Decision d) {
      this.from = d.at();
      this.to = d.at();
      this.ref = d.ref();
      this.text = d.text();
    }
  }

  private final String fingerprint;
  private final Map<String, String> labels;
  private Alert current;
  private final Deque<OpenPeriod> periods = new ArrayDeque<>();
  private final Deque<AlertTimeline.Marker> notifications = new ArrayDeque<>();
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final Map<String, Deque<AlertTimeline.Span>> spans = new LinkedHashMap<>();
  private long lastActive = Long.MIN_VALUE;
  private boolean truncated;

  AlertTrack(String fingerprint, Map<String, String> labels) {
    this.fingerprint = fingerprint;
    this.labels = labels;
    for (String kind : List.of(Decision.SILENCED, Decision.INHIBITED, Decision.MUTED)) {
      spans.put(kind, new ArrayDeque<>());
    }
  }

  /**
   * A receipt, already given the receipt defaults: merged into the current period as the topology
   * merges it into its store, or, when it replaced the stored alert with a later start, a new one.
   */
  void receive(Alert incoming) {
    long at = incoming.updatedAt();
    Alert merged = Alert.put(current, incoming, at);
    if (current == null || merged.startsAt() > current.startsAt()) {
      keep(periods, new OpenPeriod(at, current != null, merged), MAX_PERIODS);
    } else {
      periods.getLast().start = merged.startsAt();
      periods.getLast().end = merged.endsAt();
    }
    current = merged;
    lastActive = Math.max(lastActive, at);
  }

  /** A decision made about the alert at a flush. */
  void decide(Decision d) {
    lastActive = Math.max(lastActive, d.at());
    for (String kind : List.copyOf(runs.keySet())) {
      if (refiredBetween(runs.get(kind).to, d.at())) {
        close(kind);
      }
    }
    switch (d.kind()) {
      case Decision.NOTIFIED -> {
        closeAll();
        keep(notifications, new AlertTimeline.Marker(d.at(), d.ref(), d.text()), MAX_NOTIFICATIONS);
      }
      // The alert was kept at that flush: neither silenced nor inhibited, nor muted on its route.
      case Decision.DEDUPLICATED, Decision.ROUTED_NOWHERE -> closeAll();
      // Inhibition is checked before muting and silences: the alert was not inhibited.
      case Decision.SILENCED, Decision.MUTED -> {
        close(Decision.INHIBITED);
        extend(d);
      }
      case Decision.INHIBITED -> extend(d);
      default -> {
        // routed: said when the alert joins a group; it decides nothing about muting
      }
    }
  }

  private boolean refiredBetween(long after, long upTo) {
    for (OpenPeriod p : periods) {
      if (p.refire && p.firstReceipt > after && p.firstReceipt <= upTo) {
        return true;
      }
    }
    return false;
  }

  private void extend(Decision d) {
    Run run = runs.get(d.kind());
    if (run != null && Objects.equals(run.ref, d.ref())) {
      run.to = d.at();
      run.count++;
      run.text = d.text();
    } else {
      close(d.kind());
      runs.put(d.kind(), new Run(d));
    }
  }

  private void closeAll() {
    for (String kind : List.copyOf(runs.keySet())) {
      close(kind);
    }
  }

  private void close(String kind) {
    Run run = runs.remove(kind);
    if (run != null) {
      keep(
          spans.get(kind),
          new AlertTimeline.Span(run.from, run.to, run.ref, run.count, run.text),
          MAX_SPANS);
    }
  }

  private <T> void keep(Deque<T> list, T item, int max) {
    list.addLast(item);
    if (list.size() > max) {
      list.removeFirst();
      truncated = true;
    }
  }

  /** Whether a firing period reaches into [{@code from}, {@code to}]. */
  private static boolean overlaps(OpenPeriod p, long from, long to) {
    return p.end > from && p.start <= to;
  }

  /** Whether the alert has anything to show in [{@code from}, {@code to}]. */
  boolean showsIn(long from, long to) {
    return !notifications.isEmpty()
        || !runs.isEmpty()
        || spans.values().stream().anyMatch(s -> !s.isEmpty())
        || periods.stream().anyMatch(p -> overlaps(p, from, to));
  }

  /**
   * The alert's timeline in [{@code from}, {@code to}] as seen at {@code now}: periods reaching
   * into it, the earlier start clipped to {@code from}, an end after {@code now} still firing.
   */
  AlertTimeline timeline(long from, long to, long now) {
    closeAll();
    List<AlertTimeline.Period> shown = new ArrayList<>();
    long active = lastActive;
    for (OpenPeriod p : periods) {
      if (!overlaps(p, from, to)) {
        continue;
      }
      long end = Math.max(p.end, p.start);
      shown.add(
          new AlertTimeline.Period(
              Math.max(p.start, from), end > now ? null : end, p.start < from));
      active = Math.max(active, Math.min(end, now));
    }
    return new AlertTimeline(
        fingerprint,
        labels,
        shown,
        List.copyOf(notifications),
        List.copyOf(spans.get(Decision.SILENCED)),
        List.copyOf(spans.get(Decision.INHIBITED)),
        List.copyOf(spans.get(Decision.MUTED)),
        active,
        truncated);
  }
}
