package io.alertstream.config.matchers;

/** The four matcher operators, in Alertmanager's sort order. */
public enum MatchType {
  EQUAL("="),
  NOT_EQUAL("!="),
  REGEXP("=~"),
  NOT_REGEXP("!~");

  private final String operator;

  MatchType(String operator) {
    this.operator = operator;
  }

  public String operator() {
    return operator;
  }

  static MatchType of(String operator) {
    for (MatchType t : values()) {
      if (t.operator.equals(operator)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown operator " + operator);
  }
}
