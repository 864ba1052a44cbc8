package io.alertstream.topology.silences;

import io.alertstream.config.matchers.MatchType;
import io.alertstream.config.matchers.Matcher;
import io.alertstream.config.matchers.Matchers;
import io.alertstream.schemas.SilenceAction;
import io.alertstream.schemas.SilenceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A silence's current state, times in epoch milliseconds; matchers as text, e.g. {@code a=~"b"}.
 *
 * @param untilResolved Alertstream's silence until resolved: it also ends by itself once the alerts
 *     it matched have resolved ({@link UntilResolved})
 * @param expiredBy why it ended before its end time: {@link #EXPIRED_BY_REQUEST} or {@link
 *     #EXPIRED_BY_RESOLUTION}; null while it has not, or when it ran to its end time
 */
public record Silence(
    String id,
    List<String> matchers,
    long startsAt,
    long endsAt,
    String createdBy,
    String comment,
    long updatedAt,
    boolean untilResolved,
    String expiredBy) {

  /** Expired through the API (DELETE, the UI's Expire, or replaced by an update). */
  public static final String EXPIRED_BY_REQUEST = "request";

  /** A silence until resolved that ended because the alerts it matched resolved. */
  public static final String EXPIRED_BY_RESOLUTION = "alerts_resolved";

  /** Alertmanager's silence states. */
  public enum State {
    PENDING,
    ACTIVE,
    EXPIRED;

    public String apiName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Silence {
    matchers = List.copyOf(matchers);
  }

  public static Silence of(SilenceEvent event) {
    List<String> matchers = new ArrayList<>();
    for (io.alertstream.schemas.Matcher m : event.getMatchers()) {
      matchers.add(matcher(m).toString());
    }
    return new Silence(
        event.getId(),
        matchers,
        event.getStartsAt().toEpochMilli(),
        event.getEndsAt().toEpochMilli(),
        event.getCreatedBy(),
        event.getComment(),
        event.getUpdatedAt().toEpochMilli(),
        event.getUntilResolved(),
        event.getAction() == SilenceAction.EXPIRE ? EXPIRED_BY_REQUEST : null);
  }

  /**
   * This silence ended now by itself: the alerts it matched resolved. {@code updatedAt} stays the
   * time of the last request, which the API waits for when it writes one.
   */
  public Silence endedByResolution(long now) {
    return new Silence(
        id,
        matchers,
        Math.min(startsAt, now),
        now,
        createdBy,
        comment,
        updatedAt,
        untilResolved,
        EXPIRED_BY_RESOLUTION);
  }

  public State state(long now) {
    if (now < startsAt) {
      return State.PENDING;
    }
    return now < endsAt ? State.ACTIVE : State.EXPIRED;
  }

  /** The matchers, parsed. */
  public List<Matcher> parsedMatchers() {
    return compiled().list();
  }

  private static Matcher matcher(io.alertstream.schemas.Matcher m) {
    MatchType type =
        m.getIsRegex()
            ? (m.getIsEqual() ? MatchType.REGEXP : MatchType.NOT_REGEXP)
            : (m.getIsEqual() ? MatchType.EQUAL : MatchType.NOT_EQUAL);
    return Matcher.of(m.getName(), type, m.getValue());
  }

  /** Only active silences mute: started, and not yet ended. */
  public boolean activeAt(long now) {
    return startsAt <= now && now < endsAt;
  }

  public boolean mutes(Map<String, String> labels, long now) {
    return activeAt(now) && compiled().matches(labels);
  }

  Matchers compiled() {
    List<Matcher> parsed = new ArrayList<>();
    for (String text : matchers) {
      try {
        parsed.add(io.alertstream.config.matchers.MatcherParser.parse(text));
      } catch (io.alertstream.config.matchers.MatcherSyntaxException e) {
        throw new IllegalStateException("stored silence " + id + " has a bad matcher: " + text, e);
      }
    }
    return Matchers.of(parsed);
  }
}
