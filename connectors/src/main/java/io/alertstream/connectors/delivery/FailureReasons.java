package io.alertstream.connectors.delivery;

import io.alertstream.config.receivers.Secret;
import java.util.Collection;

/**
 * Makes a failure reason safe to log, dead-letter and show: every secret of the calls made and
 * their URLs' path and query (which often hold a token, and which an endpoint may echo in its error
 * page) replaced by {@code <secret>}, and the reason cut to {@link #MAX_CHARS} characters, whatever
 * the endpoint answered.
 */
final class FailureReasons {

  static final int MAX_CHARS = 500;

  /** Path or query parts shorter than this are left alone: they are not tokens. */
  private static final int MIN_MASKED_CHARS = 6;

  private FailureReasons() {}

  static AttemptResult sanitized(AttemptResult result, Collection<Outbound.HttpCall> calls) {
    if (result instanceof AttemptResult.Retry retry) {
      return new AttemptResult.Retry(
          sanitized(retry.reason(), calls), retry.retryAfter(), retry.status());
    }
    if (result instanceof AttemptResult.Failed failed) {
      return new AttemptResult.Failed(sanitized(failed.reason(), calls), failed.status());
    }
    return result;
  }

  static String sanitized(String reason, Collection<Outbound.HttpCall> calls) {
    String text = reason;
    for (Outbound.HttpCall call : calls) {
      for (Secret secret : call.secrets()) {
        text = masked(text, secret.value());
      }
      text = masked(text, call.url().getRawQuery());
      text = masked(text, call.url().getQuery());
      text = masked(text, call.url().getRawPath());
      text = masked(text, call.url().getPath());
    }
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
  }

  private static String masked(String text, String secret) {
    if (secret == null || secret.length() < MIN_MASKED_CHARS) {
      return text;
    }
    return text.replace(secret, Secret.MASK);
  }
}
