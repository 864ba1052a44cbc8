package io.alertstream.topology.grouping;

import io.alertstream.schemas.Notification;
import io.alertstream.topology.nflog.NotificationLogEntry;
import java.util.List;
import java.util.Map;

/**
 * What a flush decided.
 *
 * @param group the group afterwards, or null when it is empty and goes away
 * @param notifications one per integration that needs one
 * @param logUpdates the notification log entries to write
 */
public record FlushResult(
    GroupState group,
    List<Notification> notifications,
    Map<NotificationLogKey, NotificationLogEntry> logUpdates) {}
