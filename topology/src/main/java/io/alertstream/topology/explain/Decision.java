package io.alertstream.topology.explain;

/**
 * One thing the topology decided about one alert, in plain words, with what it refers to.
 *
 * @param kind what happened: {@code routed}, {@code routed-nowhere}, {@code inhibited}, {@code
 *     silenced}, {@code muted}, {@code deduplicated}, {@code notified}
 * @param text the decision in plain words
 * @param ref the silence id, inhibiting fingerprint, time interval or notification id it names
 */
public record Decision(long at, String fingerprint, String kind, String text, String ref) {

  public static final String ROUTED_NOWHERE = "routed-nowhere";
  public static final String INHIBITED = "inhibited";
  public static final String SILENCED = "silenced";
  public static final String MUTED = "muted";
  public static final String DEDUPLICATED = "deduplicated";
  public static final String NOTIFIED = "notified";
}
