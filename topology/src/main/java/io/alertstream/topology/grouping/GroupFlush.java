package io.alertstream.topology.grouping;

import io.alertstream.config.receivers.Integration;
import io.alertstream.config.routing.Route;
import io.alertstream.config.timeintervals.TimeInterval;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.IntegrationRef;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotificationReason;
import io.alertstream.schemas.NotifiedAlert;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.AlertOrder;
import io.alertstream.topology.inhibition.Inhibitor;
import io.alertstream.topology.nflog.Dedup;
import io.alertstream.topology.nflog.NotificationLogEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One flush of an aggregation group, as Alertmanager's dispatcher and notification pipeline do it:
 * reset the timer to group_interval; take the group's alerts in order; drop inhibited ones; stop if
 * the route is outside its active time intervals or inside a mute one; drop silenced ones; then for
 * each integration decide by the notification log whether to notify; finally drop resolved alerts
 * from the group. With Alertstream's {@code resolved_after_silence} for the receiver, a silenced
 * alert that has resolved stays for the integrations whose last notification said it was firing, so
 * they learn it resolved.
 */
public final class GroupFlush {

  /** How long notification log entries are kept at most (Alertmanager's default retention). */
  static final long LOG_RETENTION_MS = Duration.ofHours(120).toMillis();

  private GroupFlush() {}

  public static FlushResult flush(GroupState group, FlushContext ctx, long now) {
    Route route = ctx.route();
    long repeat = route.options().repeatInterval().toMillis();
    List<Alert> alerts = new ArrayList<>(group.fingerprints().size());
    Set<String> gone = new LinkedHashSet<>();
    for (String fingerprint : group.fingerprints()) {
      Alert alert = ctx.alerts().apply(fingerprint);
      if (alert == null) {
        gone.add(fingerprint);
      } else {
        alerts.add(alert);
      }
    }
    alerts.sort(AlertOrder.INSTANCE);

    Decisions decisions = new Decisions(now, group);
    List<Alert> kept = new ArrayList<>();
    for (Alert a : alerts) {
      Optional<Inhibitor.Inhibition> inhibition = ctx.inhibitor().inhibition(a);
      if (inhibition.isEmpty()) {
        kept.add(a);
      } else {
        decisions.inhibited(a, inhibition.get());
      }
    }
    Optional<String> mutedBy = muting(route, ctx.timeIntervals(), now);
    if (mutedBy.isPresent()) {
      kept.forEach(a -> decisions.muted(a, mutedBy.get()));
      kept.clear();
    }
    List<Alert> resolvedUnderSilence = new ArrayList<>();
    kept.removeIf(
        a -> {
          Optional<String> silence = ctx.silences().silencedBy(a.labels());
          silence.ifPresent(id -> decisions.silenced(a, id));
          if (silence.isPresent() && ctx.resolvedAfterSilence() && a.resolvedAt(now)) {
            resolvedUnderSilence.add(a); // a notification of it says so in its own decision
          }
          return silence.isPresent();
        });
    if (ctx.receiver().integrations().isEmpty()) {
      kept.forEach(decisions::routedNowhere);
    }

    List<Notification> notifications = new ArrayList<>();
    Map<NotificationLogKey, NotificationLogEntry> logUpdates = new LinkedHashMap<>();
    // Whether a notification of this group is on its way to one of its integrations.
    boolean awaitingOutcome = false;
    if (!kept.isEmpty() || !resolvedUnderSilence.isEmpty()) {
      Set<String> keptFiring = new LinkedHashSet<>();
      Set<String> keptResolved = new LinkedHashSet<>();
      split(kept, keptFiring, keptResolved, now);
      for (Integration integration : ctx.receiver().integrations()) {
        NotificationLogKey key =
            new NotificationLogKey(
                group.groupKey(), group.receiver(), integration.type(), integration.index());
        NotificationLogEntry last = ctx.notificationLog().apply(key);
        awaitingOutcome |= last != null && last.pending() != null;
        List<Alert> considered = withToldResolutions(kept, resolvedUnderSilence, last);
        if (considered.isEmpty()) {
          continue;
        }
        Set<String> firing = keptFiring;
        Set<String> resolved = keptResolved;
        if (considered != kept) {
          firing = new LinkedHashSet<>();
          resolved = new LinkedHashSet<>();
          split(considered, firing, resolved, now);
        }
        Optional<NotificationReason> reason =
            Dedup.needsUpdate(last, firing, resolved, integration.sendResolved(), repeat, now);
        if (reason.isEmpty()) {
          // Said once, at the first flush after the notification, not at every group_interval.
          long interval = route.options().groupInterval().toMillis();
          if (last == null || now - last.timestamp() <= interval + interval / 2) {
            for (Alert a : considered) {
              decisions.deduplicated(a, integration, last, repeat);
            }
          }
          continue;
        }
        long expiresAt = now + Math.min(2 * repeat, LOG_RETENTION_MS);
        List<Alert> sent =
            integration.sendResolved()
                ? considered
                : considered.stream().filter(a -> !a.resolvedAt(now)).toList();
        if (sent.isEmpty()) {
          logUpdates.put(key, new NotificationLogEntry(firing, resolved, now, expiresAt));
        } else {
          Notification n = notification(group, ctx, integration, reason.get(), sent, now);
          // No decision: the notification itself says it (Decision.notified reads it back).
          notifications.add(n);
          // Pending until the connector reports; withdrawn if it gives up.
          awaitingOutcome = true;
          logUpdates.put(
              key,
              NotificationLogEntry.sent(
                  firing, resolved, now, expiresAt, n.getId(), group.routeId(), last));
        }
      }
    } else {
      awaitingOutcome = awaitingOutcome(group, ctx);
    }

    // Resolved alerts leave the group once every notification about the group is confirmed, as
    // Alertmanager's group keeps them until a notification succeeded: a dead-lettered one is made
    // again, with them, at the next flush.
    if (!awaitingOutcome) {
      for (Alert a : alerts) {
        if (a.resolvedAt(now)) {
          gone.add(a.fingerprint());
        }
      }
    }
    GroupState after = group.flushed(gone, now + route.options().groupInterval().toMillis());
    if (after.fingerprints().isEmpty()) {
      after = null;
    }
    return new FlushResult(after, notifications, logUpdates, decisions.list());
  }

  private static void split(
      List<Alert> alerts, Set<String> firing, Set<String> resolved, long now) {
    for (Alert a : alerts) {
      (a.resolvedAt(now) ? resolved : firing).add(a.fingerprint());
    }
  }

  /**
   * The alerts one integration considers: the kept ones, and those resolved under a silence that
   * its last notification said were firing.
   */
  private static List<Alert> withToldResolutions(
      List<Alert> kept, List<Alert> resolvedUnderSilence, NotificationLogEntry last) {
    if (resolvedUnderSilence.isEmpty() || last == null) {
      return kept;
    }
    List<Alert> told =
        resolvedUnderSilence.stream().filter(a -> last.firing().contains(a.fingerprint())).toList();
    if (told.isEmpty()) {
      return kept;
    }
    List<Alert> all = new ArrayList<>(kept);
    all.addAll(told);
    all.sort(AlertOrder.INSTANCE);
    return all;
  }

  /** Whether an integration of the group's receiver still awaits a notification's outcome. */
  private static boolean awaitingOutcome(GroupState group, FlushContext ctx) {
    for (Integration integration : ctx.receiver().integrations()) {
      NotificationLogEntry entry =
          ctx.notificationLog()
              .apply(
                  new NotificationLogKey(
                      group.groupKey(), group.receiver(), integration.type(), integration.index()));
      if (entry != null && entry.pending() != null) {
        return true;
      }
    }
    return false;
  }

  /** The time interval that mutes the route now (or the active ones it is outside of). */
  private static Optional<String> muting(
      Route route, Map<String, TimeInterval> intervals, long now) {
    if (!activeNow(route, intervals, now)) {
      return Optional.of(
          "outside the route's active time intervals " + route.activeTimeIntervals());
    }
    Instant t = Instant.ofEpochMilli(now);
    return route.muteTimeIntervals().stream()
        .filter(name -> intervals.get(name) != null && intervals.get(name).contains(t))
        .findFirst()
        .map(name -> "in the route's mute time interval " + name);
  }

  private static boolean activeNow(Route route, Map<String, TimeInterval> intervals, long now) {
    if (route.activeTimeIntervals().isEmpty()) {
      return true;
    }
    Instant t = Instant.ofEpochMilli(now);
    return route.activeTimeIntervals().stream()
        .map(intervals::get)
        .anyMatch(i -> i != null && i.contains(t));
  }

  private static Notification notification(
      GroupState group,
      FlushContext ctx,
      Integration integration,
      NotificationReason reason,
      List<Alert> sent,
      long now) {
    List<NotifiedAlert> notified = new ArrayList<>(sent.size());
    boolean anyFiring = false;
    for (Alert a : sent) {
      boolean resolved = a.resolvedAt(now);
      anyFiring |= !resolved;
      notified.add(
          NotifiedAlert.newBuilder()
              .setStatus(resolved ? AlertStatus.RESOLVED : AlertStatus.FIRING)
              .setLabels(a.labels())
              .setAnnotations(a.annotations())
              .setStartsAt(Instant.ofEpochMilli(a.startsAt()))
              // Firing alerts carry Alertmanager's zero end time.
              .setEndsAt(resolved ? Instant.ofEpochMilli(a.endsAt()) : null)
              .setGeneratorURL(a.generatorUrl())
              .setFingerprint(a.fingerprint())
              .build());
    }
    String seed =
        String.join(
            "\n",
            ctx.tenant(),
            group.groupKey(),
            group.receiver(),
            integration.type(),
            Integer.toString(integration.index()),
            integration.id(),
            Long.toString(now));
    return Notification.newBuilder()
        .setId(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString())
        .setTenant(ctx.tenant())
        .setReceiver(group.receiver())
        .setIntegration(
            new IntegrationRef(integration.type(), integration.index(), integration.id()))
        .setReason(reason)
        .setConfigVersion(ctx.configVersion())
        .setStatus(anyFiring ? AlertStatus.FIRING : AlertStatus.RESOLVED)
        .setGroupKey(group.groupKey())
        .setGroupLabels(group.groupLabels())
        .setCommonLabels(common(sent, true))
        .setCommonAnnotations(common(sent, false))
        .setExternalURL(ctx.externalUrl())
        .setAlerts(notified)
        .setTruncatedAlerts(0)
        .setCreatedAt(Instant.ofEpochMilli(now))
        .build();
  }

  /** The label (or annotation) pairs every alert shares. */
  private static Map<String, String> common(List<Alert> alerts, boolean labels) {
    Map<String, String> common =
        new HashMap<>(labels ? alerts.get(0).labels() : alerts.get(0).annotations());
    for (Alert a : alerts.subList(1, alerts.size())) {
      Map<String, String> other = labels ? a.labels() : a.annotations();
      common.entrySet().removeIf(e -> !e.getValue().equals(other.get(e.getKey())));
    }
    return new TreeMap<>(common);
  }
}
