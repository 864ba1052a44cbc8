package io.alertstream.connectors.email;

import io.alertstream.config.receivers.EmailConfig;
import io.alertstream.connectors.delivery.MailContent;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.GroupKeyHash;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An email as Alertmanager sends it: rendered headers (Subject, To, From and any configured), an
 * HTML body and an optional text body. The Message-ID derives from the notification id, so a copy
 * sent again after a crash is recognisably the same message.
 */
public final class EmailNotifier implements Notifier<EmailConfig> {

  private static final String DEFAULT_SUBJECT = "{{ template \"email.default.subject\" . }}";
  private static final String DEFAULT_HTML = "{{ template \"email.default.html\" . }}";

  @Override
  public String type() {
    return "email";
  }

  @Override
  public Class<EmailConfig> settingsType() {
    return EmailConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, EmailConfig email, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : email.headers().entrySet()) {
      String fallback = h.getKey().equals("Subject") ? DEFAULT_SUBJECT : "";
      headers.put(h.getKey(), r.field("headers." + h.getKey(), h.getValue(), fallback));
    }
    email.threadBy().ifPresent(by -> threadHeaders(n, by, headers));
    String to = r.field("to", email.to(), "");
    String from = r.field("from", email.from(), "");
    return new Prepared(
        new Outbound.Mail(
            email,
            new MailContent(
                headers,
                List.of(to),
                from,
                messageId(n),
                r.html("html", email.html(), DEFAULT_HTML),
                r.field("text", email.text(), ""))),
        r.problems());
  }

  /**
   * Alertmanager's threading headers: {@code References} and {@code In-Reply-To} name one made-up
   * thread root per group (the first 16 characters of the hashed group key), and per day with
   * {@code daily}. The day is the notification's creation day in UTC, so retries stay in their
   * thread (Alertmanager takes the server's local date at sending).
   */
  static void threadHeaders(Notification n, String threadBy, Map<String, String> headers) {
    String hash = GroupKeyHash.of(n.getGroupKey()).substring(0, 16);
    String day =
        threadBy.equals("none")
            ? ""
            : n.getCreatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    String root = "<alert-" + hash + "-" + day + "@alertmanager>";
    headers.put("References", root);
    headers.put("In-Reply-To", root);
  }

  /** A Message-ID that is the same every time this notification is sent. */
  static String messageId(Notification n) {
    return "<" + n.getId().replaceAll("[^A-Za-z0-9.-]", "-") + "@alertstream>";
  }
}
