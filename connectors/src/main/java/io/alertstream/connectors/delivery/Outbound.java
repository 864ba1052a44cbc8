package io.alertstream.connectors.delivery;

import io.alertstream.config.receivers.EmailConfig;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A request ready to leave for an integration's endpoint: one HTTP call, an exchange of several
 * calls with one host (fetch a token, then post), or an email.
 */
public sealed interface Outbound {

  /** The destination host, for the egress rule. */
  String host();

  /** Calls the visitor's method for this kind of request. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of request, so that whoever handles requests handles every kind. */
  interface Visitor<R> {
    R http(HttpCall call);

    R exchange(Exchange exchange);

    R mail(Mail mail);
  }

  /**
   * One HTTP request.
   *
   * @param method {@code POST}, {@code PUT}, {@code GET}, ...
   * @param headers every header but Authorization, which comes from {@code http}
   * @param secrets secrets the body, headers or URL carry (a PagerDuty routing key, an API key
   *     header), masked in records
   * @param answerCheck how to read the answer, before the default classification (Slack's API
   *     answers errors with 200; some APIs do not want 429 retried)
   */
  record HttpCall(
      String method,
      URI url,
      Map<String, String> headers,
      byte[] body,
      HttpClientConfig http,
      List<Secret> secrets,
      AnswerCheck answerCheck)
      implements Outbound {

    public HttpCall {
      headers = Map.copyOf(headers);
      secrets = List.copyOf(secrets);
    }

    /** A POST. */
    public static HttpCall post(
        URI url,
        Map<String, String> headers,
        byte[] body,
        HttpClientConfig http,
        List<Secret> secrets,
        AnswerCheck answerCheck) {
      return new HttpCall("POST", url, headers, body, http, secrets, answerCheck);
    }

    /** The headers every JSON notification carries, with any extra ones. */
    public static Map<String, String> jsonHeaders(Map<String, String> extra) {
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      headers.put("Content-Type", "application/json");
      headers.put(
          "User-Agent", "Alertstream/" + io.alertstream.connectors.ConnectorVersion.VERSION);
      headers.putAll(extra);
      return headers;
    }

    @Override
    public String host() {
      return url.getHost();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.http(this);
    }

    /** The body with its secrets replaced by {@code <secret>}. */
    public String maskedBody() {
      return masked(new String(body, StandardCharsets.UTF_8));
    }

    /** The headers with their secrets replaced by {@code <secret>}, Authorization included. */
    public Map<String, String> maskedHeaders() {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      headers.forEach((name, value) -> out.put(name, masked(value)));
      http.authorization().ifPresent(a -> out.put("Authorization", Secret.MASK));
      return out;
    }

    private String masked(String text) {
      for (Secret s : secrets) {
        if (!s.isEmpty()) {
          text = text.replace(s.value(), Secret.MASK);
        }
      }
      return text;
    }

    /** Scheme and host only: the path and query of an integration URL often hold a token. */
    public String maskedTarget() {
      return url.getScheme()
          + "://"
          + url.getHost()
          + (url.getPort() > 0 ? ":" + url.getPort() : "")
          + "/"
          + Secret.MASK;
    }
  }

  /**
   * Several calls to one host, each depending on the answer before (WeChat's token, then the
   * message; Jira's search, then create or update, then transition). The transport runs the
   * conversation with a caller that refuses any other host.
   *
   * @param first the first call: what the egress rule checks and dry run records
   * @param conversation makes the calls, {@code first} among them, and reads the answers
   */
  record Exchange(HttpCall first, Conversation conversation) implements Outbound {

    @Override
    public String host() {
      return first.host();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.exchange(this);
    }
  }

  /** The calls of an {@link Exchange}. */
  @FunctionalInterface
  interface Conversation {
    /**
     * @return the outcome of the whole exchange
     */
    AttemptResult run(Caller caller);
  }

  /** Makes one call of a conversation. */
  interface Caller {
    /**
     * @throws NoAnswer when the call got no answer (network, timeout) or went to another host
     */
    Answer call(HttpCall call) throws NoAnswer;

    /** What an answer means: the call's answer check, then the default classification. */
    AttemptResult outcome(HttpCall call, Answer answer);
  }

  /**
   * An HTTP answer, its body cut at the transport's limit.
   *
   * @param retryAfter the Retry-After header, if any
   */
  record Answer(int status, java.util.Optional<String> retryAfter, String body) {

    public boolean ok() {
      return status / 100 == 2;
    }
  }

  /** A call that got no answer; {@link #result()} says why, retried or not. */
  final class NoAnswer extends Exception {
    private final transient AttemptResult result;

    public NoAnswer(AttemptResult result) {
      super(
          result instanceof AttemptResult.Retry r
              ? r.reason()
              : ((AttemptResult.Failed) result).reason());
      this.result = result;
    }

    public AttemptResult result() {
      return result;
    }
  }

  /** An email message for the SMTP smarthost the config names. */
  record Mail(EmailConfig smtp, MailContent content) implements Outbound {

    @Override
    public String host() {
      String smarthost = smtp.smarthost();
      int colon = smarthost.lastIndexOf(':');
      String host = colon < 0 ? smarthost : smarthost.substring(0, colon);
      return host.startsWith("[") && host.endsWith("]")
          ? host.substring(1, host.length() - 1)
          : host;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.mail(this);
    }
  }

  /**
   * Looks at an answer before the default classification ({@link HttpOutcomes#classify}: 2xx
   * delivered, 429 and 5xx retried, other statuses failed); a non-null result replaces it.
   */
  @FunctionalInterface
  interface AnswerCheck {
    AnswerCheck NONE = (status, body) -> null;

    /**
     * Alertmanager's retrier: 2xx delivered, 5xx and the given statuses retried, anything else
     * failed (so a 429 is retried only when named).
     */
    static AnswerCheck retrying(int... retryStatuses) {
      return (status, body) -> {
        if (status / 100 == 2 || status / 100 == 5) {
          return null;
        }
        for (int retry : retryStatuses) {
          if (retry == status) {
            return null;
          }
        }
        return new AttemptResult.Failed(HttpOutcomes.unexpected(status, body), status);
      };
    }

    AttemptResult check(int status, String body);
  }
}
