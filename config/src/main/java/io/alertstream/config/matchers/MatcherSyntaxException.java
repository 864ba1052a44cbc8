package io.alertstream.config.matchers;

/** A matcher's text could not be parsed. */
public class MatcherSyntaxException extends Exception {

  public MatcherSyntaxException(String message) {
    super(message);
  }
}
