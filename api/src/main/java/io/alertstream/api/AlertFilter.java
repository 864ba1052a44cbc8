package io.alertstream.api;

import io.alertstream.config.matchers.Matcher;
import io.alertstream.config.matchers.MatcherParser;
import io.alertstream.config.matchers.MatcherSyntaxException;
import io.alertstream.config.matchers.Matchers;
import io.alertstream.templates.GoRegexp;
import io.alertstream.topology.query.AlertView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The query parameters of {@code GET /alerts} and {@code /alerts/groups}: {@code active}, {@code
 * silenced}, {@code inhibited}, {@code unprocessed} (all true by default), {@code filter} label
 * matchers, and {@code receiver}, a regular expression the receiver name must match whole.
 */
record AlertFilter(
    boolean active,
    boolean silenced,
    boolean inhibited,
    Matchers matchers,
    Optional<GoRegexp> receiver) {

  static AlertFilter of(QueryParams params) throws BadRequestException {
    Matchers matchers = matchers(params);
    Optional<GoRegexp> receiver = Optional.empty();
    Optional<String> receiverParam = params.first("receiver");
    if (receiverParam.isPresent() && !receiverParam.get().isEmpty()) {
      try {
        receiver = Optional.of(GoRegexp.anchored(receiverParam.get()));
      } catch (GoRegexp.SyntaxException e) {
        throw new BadRequestException(
            "bad receiver regular expression \"" + receiverParam.get() + "\": " + e.getMessage());
      }
    }
    params.bool("unprocessed", true);
    return new AlertFilter(
        params.bool("active", true),
        params.bool("silenced", true),
        params.bool("inhibited", true),
        matchers,
        receiver);
  }

  /** The repeatable {@code filter} parameter: label matchers, all of which an alert must match. */
  static Matchers matchers(QueryParams params) throws BadRequestException {
    List<Matcher> matchers = new ArrayList<>();
    for (String text : params.all("filter")) {
      try {
        matchers.add(MatcherParser.parse(text));
      } catch (MatcherSyntaxException e) {
        throw new BadRequestException("bad filter \"" + text + "\": " + e.getMessage());
      }
    }
    return Matchers.of(matchers);
  }

  boolean accepts(AlertView view) {
    boolean isSilenced = !view.silencedBy().isEmpty();
    boolean isInhibited = !view.inhibitedBy().isEmpty();
    if (!active && !isSilenced && !isInhibited) {
      return false;
    }
    if (!silenced && isSilenced) {
      return false;
    }
    if (!inhibited && isInhibited) {
      return false;
    }
    if (!matchers.matches(view.alert().labels())) {
      return false;
    }
    return receiver.isEmpty() || view.receivers().stream().anyMatch(r -> receiver.get().matches(r));
  }
}
