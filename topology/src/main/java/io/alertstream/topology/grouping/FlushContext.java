package io.alertstream.topology.grouping;

import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.config.routing.Route;
import io.alertstream.config.timeintervals.TimeInterval;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.inhibition.Inhibitor;
import io.alertstream.topology.nflog.NotificationLogEntry;
import io.alertstream.topology.silences.SilenceSet;
import java.util.Map;
import java.util.function.Function;

/**
 * What a group's flush consults besides the group itself.
 *
 * @param alerts the tenant's alert by fingerprint, null when it is gone
 * @param notificationLog the entry for an integration of this group's receiver, by {@link
 *     NotificationLogKey}
 * @param resolvedAfterSilence the tenant's {@code alertstream.resolved_after_silence} names this
 *     group's receiver: an alert that resolved under a silence is still told to the integrations
 *     that were told it fired
 */
public record FlushContext(
    String tenant,
    long configVersion,
    String externalUrl,
    Route route,
    ReceiverConfig receiver,
    Map<String, TimeInterval> timeIntervals,
    Inhibitor inhibitor,
    SilenceSet silences,
    Function<String, Alert> alerts,
    Function<NotificationLogKey, NotificationLogEntry> notificationLog,
    boolean resolvedAfterSilence) {}
