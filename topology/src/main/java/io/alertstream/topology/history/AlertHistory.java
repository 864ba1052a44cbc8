package io.alertstream.topology.history;

/** Reads a tenant's alert history back: what fired when, and what was decided about it. */
@FunctionalInterface
public interface AlertHistory {

  History read(String tenant, HistoryQuery query);
}
