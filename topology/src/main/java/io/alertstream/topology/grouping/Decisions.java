package io.alertstream.topology.grouping;

import io.alertstream.config.receivers.Integration;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.explain.Decision;
import io.alertstream.topology.inhibition.Inhibitor;
import io.alertstream.topology.nflog.NotificationLogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects, during one flush, what was decided about each alert, in plain words. */
final class Decisions {

  private final long now;
  private final GroupState group;
  private final List<Decision> decisions = new ArrayList<>();

  Decisions(long now, GroupState group) {
    this.now = now;
    this.group = group;
  }

  List<Decision> list() {
    return List.copyOf(decisions);
  }

  private void add(Alert a, String kind, String text, String ref) {
    decisions.add(new Decision(now, a.fingerprint(), kind, text, ref));
  }

  void inhibited(Alert a, Inhibitor.Inhibition inhibition) {
    add(
        a,
        Decision.INHIBITED,
        "not sent to "
            + group.receiver()
            + ": inhibited by alert "
            + inhibition.fingerprint()
            + " under the rule source "
            + inhibition.rule().source()
            + ", target "
            + inhibition.rule().target()
            + (inhibition.rule().equal().isEmpty() ? "" : ", equal " + inhibition.rule().equal()),
        inhibition.fingerprint());
  }

  void muted(Alert a, String why) {
    add(a, Decision.MUTED, "not sent to " + group.receiver() + ": muted, " + why, why);
  }

  void silenced(Alert a, String silenceId) {
    add(
        a,
        Decision.SILENCED,
        "not sent to " + group.receiver() + ": silenced by silence " + silenceId,
        silenceId);
  }

  void routedNowhere(Alert a) {
    add(
        a,
        Decision.ROUTED_NOWHERE,
        "routed to receiver " + group.receiver() + ", which has no integrations: nothing is sent",
        group.receiver());
  }

  void deduplicated(
      Alert a, Integration integration, NotificationLogEntry last, long repeatIntervalMs) {
    String lastSent = last == null ? "" : " at " + Instant.ofEpochMilli(last.timestamp());
    String repeat =
        last == null
            ? ""
            : "; it repeats at "
                + Instant.ofEpochMilli(last.timestamp() + repeatIntervalMs)
                + " (repeat_interval) if it is still firing";
    add(
        a,
        Decision.DEDUPLICATED,
        "not sent again to "
            + group.receiver()
            + " via "
            + integration.type()
            + (last != null && last.pending() != null
                ? ": a notification made" + lastSent + " is on its way (not yet confirmed)"
                : ": already notified" + lastSent)
            + " and nothing changed"
            + repeat,
        "");
  }
}
