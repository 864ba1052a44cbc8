package io.alertstream.topology.explain;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.history.NotificationRecord;
import io.alertstream.topology.query.AlertView;
import io.alertstream.topology.query.AlertViews;
import io.alertstream.topology.silences.Silence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why an alert did or did not notify: what is true of it now, and a timeline of what the topology
 * decided about it and what the connectors did with its notifications, in plain words, each step
 * with a link to what it names.
 *
 * @param now statements about the present: held or not, routes, silenced or inhibited now, the next
 *     flush of its groups
 * @param timeline past steps, oldest first
 */
public record Explanation(
    String fingerprint, Map<String, String> labels, List<String> now, List<Step> timeline) {

  /** One step: when, what kind, in words, and a link (API path) to what it refers to, or "". */
  public record Step(long at, String kind, String text, String link) {}

  /** What the explanation is built from, read at the moment of asking. */
  public record Inputs(
      AlertmanagerConfig config,
      long configVersion,
      List<Alert> alerts,
      List<Silence> silences,
      List<GroupState> groups,
      List<Decision> decisions,
      List<NotificationRecord> notifications,
      long now) {}

  public static Explanation of(String fingerprint, Inputs in) {
    Optional<Alert> held =
        in.alerts().stream().filter(a -> a.fingerprint().equals(fingerprint)).findFirst();
    List<String> now = new ArrayList<>();
    now.add("config version " + in.configVersion() + " applies");
    if (held.isEmpty()) {
      now.add(
          "Alertstream holds no alert with fingerprint "
              + fingerprint
              + ": it was never received, or it resolved more than an hour ago");
    } else {
      present(held.get(), in, now);
    }
    List<Step> timeline = new ArrayList<>();
    Map<String, NotificationRecord> sent =
        in.notifications().stream()
            .collect(Collectors.toMap(NotificationRecord::id, Function.identity(), (a, b) -> a));
    for (Decision d : in.decisions()) {
      timeline.add(new Step(d.at(), d.kind(), d.text(), link(d)));
      // Stored before notifications carried their alerts' fingerprints.
      if (d.kind().equals(Decision.NOTIFIED) && sent.containsKey(d.ref())) {
        timeline.add(delivery(sent.get(d.ref())));
      }
    }
    for (NotificationRecord n : in.notifications()) {
      if (n.fingerprints().contains(fingerprint)) {
        timeline.add(
            new Step(
                n.createdAt(),
                Decision.NOTIFIED,
                Decision.notifiedText(
                    n.receiver(), n.integration(), n.reason(), n.status(), n.id()),
                "/api/v1/notifications"));
        timeline.add(delivery(n));
      }
    }
    timeline.sort(Comparator.comparingLong(Step::at));
    return new Explanation(fingerprint, held.map(Alert::labels).orElse(Map.of()), now, timeline);
  }

  private static void present(Alert alert, Inputs in, List<String> now) {
    if (alert.resolvedAt(in.now())) {
      now.add("resolved at " + Instant.ofEpochMilli(alert.endsAt()));
      return;
    }
    now.add("firing since " + Instant.ofEpochMilli(alert.startsAt()));
    Optional<AlertView> view =
        new AlertViews(in.config(), in.alerts(), in.silences(), in.now())
            .alerts().stream()
                .filter(v -> v.alert().fingerprint().equals(alert.fingerprint()))
                .findFirst();
    if (view.isEmpty()) {
      return;
    }
    for (String receiver : view.get().receivers()) {
      boolean nowhere =
          in.config().receiver(receiver).map(r -> r.integrations().isEmpty()).orElse(true);
      now.add(
          "routed to receiver "
              + receiver
              + (nowhere ? ", which has no integrations: it notifies nobody" : ""));
    }
    for (String silence : view.get().silencedBy()) {
      Optional<Silence> s = in.silences().stream().filter(x -> x.id().equals(silence)).findFirst();
      now.add("silenced now by silence " + silence + s.map(Explanation::silenceEnd).orElse(""));
    }
    for (String inhibitor : view.get().inhibitedBy()) {
      now.add("inhibited now by alert " + inhibitor);
    }
    for (GroupState g : in.groups()) {
      if (g.fingerprints().contains(alert.fingerprint())) {
        now.add(
            "in group "
                + g.groupKey()
                + " for receiver "
                + g.receiver()
                + (g.hasFlushed() ? "" : ", not notified yet")
                + "; the group's next flush is at "
                + Instant.ofEpochMilli(g.nextFlushAt()));
      }
    }
  }

  private static Step delivery(NotificationRecord n) {
    long at = n.outcomeAt() == 0 ? n.createdAt() : n.outcomeAt();
    String text =
        switch (n.outcome()) {
          case "delivered" -> "delivered via " + n.integration() + attempts(n) + reason(n);
          case "dry-run" ->
              "recorded, not sent ("
                  + (n.outcomeReason() == null || n.outcomeReason().isEmpty()
                      ? "the connector runs " + n.integration() + " in dry-run mode"
                      : n.outcomeReason())
                  + ")";
          case "failed" ->
              "delivery failed"
                  + attempts(n)
                  + ": "
                  + n.outcomeReason()
                  + " (in the DLQ; the group notifies again at its next flush)";
          default ->
              "delivery pending: the connector has not reported on this "
                  + n.integration()
                  + " notification yet";
        };
    return new Step(at, "delivery-" + n.outcome(), text, "/api/v1/notifications");
  }

  private static String attempts(NotificationRecord n) {
    return n.attempts() > 1 ? " after " + n.attempts() + " attempts" : "";
  }

  private static String reason(NotificationRecord n) {
    return n.outcomeReason().isEmpty() ? "" : " (" + n.outcomeReason() + ")";
  }

  private static String link(Decision d) {
    return switch (d.kind()) {
      case Decision.SILENCED -> "/api/v2/silence/" + d.ref();
      case Decision.INHIBITED -> "/api/v1/explain?fingerprint=" + d.ref();
      case Decision.NOTIFIED -> "/api/v1/notifications";
      case Decision.ROUTED_NOWHERE -> "/api/v1/routes";
      default -> "";
    };
  }

  private static String silenceEnd(Silence s) {
    return " until "
        + Instant.ofEpochMilli(s.endsAt())
        + (s.untilResolved() ? ", or until every alert it silences has resolved" : "");
  }
}
