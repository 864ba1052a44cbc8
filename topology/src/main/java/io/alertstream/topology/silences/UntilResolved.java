package io.alertstream.topology.silences;

import io.alertstream.config.matchers.Matchers;
import io.alertstream.topology.alerts.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When a silence until resolved ends by itself: it is active, no alert it matches is firing, at
 * least one alert it matches resolved while it was in force, and the last of those resolved at
 * least the grace ago (so an alert that flaps back within the grace stays silenced). Until then, it
 * mutes and ends at its end time as any silence does.
 */
public final class UntilResolved {

  private final long graceMs;

  public UntilResolved(Duration grace) {
    this.graceMs = grace.toMillis();
  }

  /** Whether any of these silences is one until resolved that has not ended yet. */
  public static boolean anyWatched(Iterable<Silence> silences, long now) {
    for (Silence s : silences) {
      if (s.untilResolved() && s.state(now) != Silence.State.EXPIRED) {
        return true;
      }
    }
    return false;
  }

  /**
   * The silences among {@code silences} that end now, given all of the tenant's stored alerts
   * (firing, and resolved ones not yet collected).
   */
  public List<Silence> ending(Iterable<Silence> silences, Iterable<Alert> alerts, long now) {
    List<Silence> ending = new ArrayList<>();
    for (Silence s : silences) {
      if (s.untilResolved() && s.activeAt(now) && allResolvedLongEnough(s, alerts, now)) {
        ending.add(s);
      }
    }
    return ending;
  }

  private boolean allResolvedLongEnough(Silence silence, Iterable<Alert> alerts, long now) {
    Matchers matchers = silence.compiled();
    long lastResolved = -1;
    for (Alert a : alerts) {
      if (!matchers.matches(a.labels())) {
        continue;
      }
      if (!a.resolvedAt(now)) {
        return false;
      }
      if (a.endsAt() > silence.startsAt()) {
        lastResolved = Math.max(lastResolved, a.endsAt());
      }
    }
    return lastResolved >= 0 && now - lastResolved >= graceMs;
  }
}
