package io.alertstream.api;

import io.alertstream.config.matchers.MatchType;
import io.alertstream.config.matchers.Matcher;
import java.util.List;

/** Matchers as the silence events on Kafka carry them. */
final class SilenceMatchers {

  private SilenceMatchers() {}

  static List<io.alertstream.schemas.Matcher> toEvent(List<Matcher> matchers) {
    return matchers.stream()
        .map(
            m ->
                io.alertstream.schemas.Matcher.newBuilder()
                    .setName(m.name())
                    .setValue(m.value())
                    .setIsRegex(m.type() == MatchType.REGEXP || m.type() == MatchType.NOT_REGEXP)
                    .setIsEqual(m.type() == MatchType.EQUAL || m.type() == MatchType.REGEXP)
                    .build())
        .toList();
  }
}
