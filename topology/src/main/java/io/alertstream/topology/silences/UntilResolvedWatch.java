package io.alertstream.topology.silences;

import io.alertstream.config.matchers.Matchers;
import io.alertstream.topology.alerts.Alert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which tenants to check for silences until resolved, and when: a tenant is looked at only when one
 * of its silences could have come to an end, so that a tenant with many alerts costs a check when
 * something changed, not every period. A check says when the next is due ({@link
 * UntilResolved.Outcome#nextCheckAt()}); a received alert that one of the tenant's silences matches
 * brings it forward (at once if the alert resolved, else to the alert's end); a change to one of
 * its silences makes it due at once. Held in memory by the task and rebuilt from the silences store
 * when the task starts.
 */
public final class UntilResolvedWatch {

  private static final class Watched {
    final List<Matchers> matchers = new ArrayList<>();
    long nextCheckAt;
  }

  private final Map<String, Watched> tenants = new HashMap<>();

  /** The tenant has a new or changed silence until resolved: check it at the next pass. */
  public void silenceChanged(String tenant) {
    tenants.computeIfAbsent(tenant, t -> new Watched()).nextCheckAt = 0;
  }

  /** A tenant's alert was received: a check is due sooner if a watched silence matches it. */
  public void alertReceived(String tenant, Alert alert, long now) {
    Watched w = tenants.get(tenant);
    if (w == null) {
      return;
    }
    for (Matchers m : w.matchers) {
      if (m.matches(alert.labels())) {
        w.nextCheckAt = Math.min(w.nextCheckAt, alert.resolvedAt(now) ? now : alert.endsAt());
        return;
      }
    }
  }

  /** The tenants whose check is due. */
  public List<String> due(long now) {
    List<String> due = new ArrayList<>();
    tenants.forEach(
        (tenant, w) -> {
          if (w.nextCheckAt <= now) {
            due.add(tenant);
          }
        });
    return due;
  }

  /**
   * Records a tenant's check: its silences now and when the next check is due; a tenant left
   * without a silence until resolved that has not ended is no longer watched.
   */
  public void checked(String tenant, Iterable<Silence> silences, long nextCheckAt, long now) {
    Watched w = new Watched();
    for (Silence s : silences) {
      if (UntilResolved.watched(s, now)) {
        w.matchers.add(s.compiled());
      }
    }
    if (w.matchers.isEmpty()) {
      tenants.remove(tenant);
      return;
    }
    w.nextCheckAt = nextCheckAt;
    tenants.put(tenant, w);
  }
}
