package io.alertstream.connectors.delivery;

import io.alertstream.config.receivers.EmailConfig;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A request ready to leave for an integration's endpoint: an HTTP POST or an email. */
public sealed interface Outbound {

  /** The destination host, for the egress rule. */
  String host();

  /** Calls the visitor's method for this kind of request. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of request, so that whoever handles requests handles every kind. */
  interface Visitor<R> {
    R httpPost(HttpPost post);

    R mail(Mail mail);
  }

  /**
   * A JSON POST.
   *
   * @param bodySecrets secrets the body carries (e.g. a PagerDuty routing key), masked in records
   * @param answerCheck how to read a 2xx answer (Slack's API answers errors with 200)
   */
  record HttpPost(
      URI url,
      Map<String, String> headers,
      byte[] body,
      HttpClientConfig http,
      List<Secret> bodySecrets,
      AnswerCheck answerCheck)
      implements Outbound {

    public HttpPost {
      headers = Map.copyOf(headers);
      bodySecrets = List.copyOf(bodySecrets);
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
      return visitor.httpPost(this);
    }

    /** The body with its secrets replaced by {@code <secret>}. */
    public String maskedBody() {
      String text = new String(body, StandardCharsets.UTF_8);
      for (Secret s : bodySecrets) {
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

  /** Looks at a 2xx answer's body; a non-null result replaces the Delivered outcome. */
  @FunctionalInterface
  interface AnswerCheck {
    AnswerCheck NONE = (status, body) -> null;

    AttemptResult check(int status, String body);
  }
}
