package io.alertstream.topology.grouping;

import io.alertstream.schemas.Notification;
import io.alertstream.topology.explain.Decision;
import io.alertstream.topology.nflog.NotificationLogEntry;
import java.util.List;
import java.util.Map;

/**
 * What a flush decided.
 *
 * @param group the group afterwards, or null when it is empty and goes away
 * @param notifications one per integration that needs one
 * @param logUpdates the notification log entries to write
 * @param decisions what was decided about each alert, for explanations
 */
public record FlushResult(
    GroupState group,
    List<Notification> notifications,
    Map<NotificationLogKey, NotificationLogEntry> logUpdates,
    List<Decision> decisions) {}
