package io.alertstream.connectors.sns;

import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.Outbound;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an SNS answer is classified: as Alertmanager's retrier does (2xx delivered, 5xx retried,
 * anything else failed), except that throttling is retried, which the AWS SDK does inside
 * Alertmanager before its retrier sees the answer. A failure's reason is the AWS error code and
 * message, never the whole answer.
 */
final class SnsAnswers {

  private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");
  private static final Set<String> THROTTLING =
      Set.of(
          "Throttling",
          "ThrottlingException",
          "ThrottledException",
          "TooManyRequestsException",
          "RequestLimitExceeded",
          "RequestThrottled");

  static final Outbound.AnswerCheck CHECK = SnsAnswers::check;

  private SnsAnswers() {}

  static AttemptResult check(int status, String body) {
    if (status / 100 == 2 || status / 100 == 5) {
      return null;
    }
    String code = first(CODE, body);
    String reason = "SNS answered " + status + (code.isEmpty() ? "" : ": " + code) + message(body);
    if (status == 429 || THROTTLING.contains(code)) {
      return new AttemptResult.Retry(reason, Optional.empty(), status);
    }
    return new AttemptResult.Failed(reason, status);
  }

  private static String message(String body) {
    String message = first(MESSAGE, body);
    if (message.length() > 300) {
      message = message.substring(0, 300) + "…";
    }
    return message.isEmpty() ? "" : ": " + message;
  }

  private static String first(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body == null ? "" : body);
    return m.find() ? m.group(1).strip() : "";
  }
}
