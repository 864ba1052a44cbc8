package io.alertstream.config.receivers;

/**
 * One integration of a receiver as the notification pipeline sees it: its type ({@code webhook},
 * {@code slack}, {@code pagerduty}, {@code email}), its index among the receiver's integrations of
 * that type, and whether resolved alerts are sent to it.
 */
public record Integration(String type, int index, boolean sendResolved) {}
