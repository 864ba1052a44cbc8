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
    Function<NotificationLogKey, NotificationLogEntry> notificationLog) {}
