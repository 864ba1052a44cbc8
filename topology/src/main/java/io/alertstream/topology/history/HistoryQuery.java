package io.alertstream.topology.history;

import io.alertstream.config.matchers.Matchers;

/**
 * What a history request asks for, times in epoch milliseconds.
 *
 * @param now the request's present: a period that ends later is still firing
 * @param filter the label matchers an alert must match to be shown
 * @param resolveTimeoutMs the tenant's resolve_timeout, the end of an alert posted without one
 */
public record HistoryQuery(long from, long to, long now, Matchers filter, long resolveTimeoutMs) {}
