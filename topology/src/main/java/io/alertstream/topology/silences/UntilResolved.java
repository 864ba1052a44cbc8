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

  /**
   * What one check of a tenant found.
   *
   * @param ending the silences that end now
   * @param nextCheckAt the earliest time another of its silences could end without an alert being
   *     received: a matched alert's end, a grace running out, a pending silence starting; {@link
   *     Long#MAX_VALUE} when none could
   */
  public record Outcome(List<Silence> ending, long nextCheckAt) {

    public Outcome {
      ending = List.copyOf(ending);
    }
  }

  private final long graceMs;

  public UntilResolved(Duration grace) {
    this.graceMs = grace.toMillis();
  }

  /** Whether a silence is one until resolved that has not ended yet. */
  public static boolean watched(Silence s, long now) {
    return s.untilResolved() && s.state(now) != Silence.State.EXPIRED;
  }

  /** Whether any of these silences is one until resolved that has not ended yet. */
  public static boolean anyWatched(Iterable<Silence> silences, long now) {
    for (Silence s : silences) {
      if (watched(s, now)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks a tenant's silences against all of its stored alerts (firing, and resolved ones not yet
   * collected).
   */
  public Outcome check(Iterable<Silence> silences, Iterable<Alert> alerts, long now) {
    List<Silence> ending = new ArrayList<>();
    long next = Long.MAX_VALUE;
    for (Silence s : silences) {
      if (!watched(s, now)) {
        continue;
      }
      if (!s.activeAt(now)) {
        next = Math.min(next, s.startsAt());
        continue;
      }
      long due = dueAt(s, alerts, now);
      if (due <= now) {
        ending.add(s);
      } else {
        next = Math.min(next, Math.min(due, s.endsAt()));
      }
    }
    return new Outcome(ending, next);
  }

  /**
   * When an active silence ends by resolution as far as its alerts tell now: the end of its
   * earliest firing alert while one fires (a check then), the last resolution plus the grace once
   * none does; never while it has matched nothing.
   */
  private long dueAt(Silence silence, Iterable<Alert> alerts, long now) {
    Matchers matchers = silence.compiled();
    long lastResolved = -1;
    long firstFiringEnd = Long.MAX_VALUE;
    for (Alert a : alerts) {
      if (!matchers.matches(a.labels())) {
        continue;
      }
      if (!a.resolvedAt(now)) {
        firstFiringEnd = Math.min(firstFiringEnd, a.endsAt());
      } else if (a.endsAt() > silence.startsAt()) {
        lastResolved = Math.max(lastResolved, a.endsAt());
      }
    }
    if (firstFiringEnd != Long.MAX_VALUE) {
      return firstFiringEnd;
    }
    return lastResolved < 0 ? Long.MAX_VALUE : lastResolved + graceMs;
  }
}
