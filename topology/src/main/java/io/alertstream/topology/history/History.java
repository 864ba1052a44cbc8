package io.alertstream.topology.history;

import java.util.List;

/**
 * The answer to a history request: the alerts (most recently active first) and how much was read.
 *
 * @param scanned the tenant's records read from the topics
 * @param unreadable the tenant's records that could not be decoded, left out
 * @param truncated whether a topic held more records in the range than a request may read: its
 *     earliest ones were left out, so the history is complete only from {@code completeFrom}
 * @param completeFrom from when the history is complete; {@code from} unless truncated
 * @param alertsOmitted alerts left out beyond the most recently active ones a request answers with
 */
public record History(
    long from,
    long to,
    long scanned,
    int unreadable,
    boolean truncated,
    long completeFrom,
    int alertsOmitted,
    List<AlertTimeline> alerts) {}
