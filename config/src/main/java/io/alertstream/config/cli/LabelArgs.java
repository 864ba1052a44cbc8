package io.alertstream.config.cli;

import io.alertstream.config.matchers.MatchType;
import io.alertstream.config.matchers.Matcher;
import io.alertstream.config.matchers.MatcherParser;
import io.alertstream.config.matchers.MatcherSyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code name=value} arguments into a label set, as amtool does (last value wins). */
public final class LabelArgs {

  private LabelArgs() {}

  public static Map<String, String> parse(List<String> args) throws MatcherSyntaxException {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String arg : args) {
      Matcher m = MatcherParser.parse(arg);
      if (m.type() != MatchType.EQUAL) {
        throw new MatcherSyntaxException("labels must be specified as key=value pairs");
      }
      labels.put(m.name(), m.value());
    }
    return labels;
  }
}
