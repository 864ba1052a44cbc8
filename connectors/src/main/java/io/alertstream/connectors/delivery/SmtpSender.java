package io.alertstream.connectors.delivery;

import io.alertstream.config.receivers.EmailConfig;
import io.alertstream.config.receivers.TlsConfig;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sends {@link Outbound.Mail} over SMTP as Alertmanager does: STARTTLS when offered (required
 * unless require_tls is false), implicit TLS on port 465 or as force_implicit_tls says, the
 * tls_config's trust and versions, authentication when a user name is set, the configured HELO
 * name. SMTP 4xx answers and connection failures are retried, 5xx are not.
 */
public final class SmtpSender {

  private final Duration timeout;

  public SmtpSender(Duration timeout) {
    this.timeout = timeout;
  }

  public AttemptResult send(Outbound.Mail mail) {
    EmailConfig smtp = mail.smtp();
    String host = mail.host();
    int port = Integer.parseInt(smtp.smarthost().substring(smtp.smarthost().lastIndexOf(':') + 1));
    boolean implicitTls = smtp.implicitTls();
    String protocol = implicitTls ? "smtps" : "smtp";
    Properties props = new Properties();
    try {
      tls(props, "mail." + protocol + ".ssl.", smtp.tls());
    } catch (IllegalArgumentException e) {
      return new AttemptResult.Failed(e.getMessage());
    }
    props.put("mail." + protocol + ".host", host);
    props.put("mail." + protocol + ".port", Integer.toString(port));
    props.put("mail." + protocol + ".localhost", smtp.hello());
    props.put("mail." + protocol + ".connectiontimeout", Long.toString(timeout.toMillis()));
    props.put("mail." + protocol + ".timeout", Long.toString(timeout.toMillis()));
    props.put("mail." + protocol + ".writetimeout", Long.toString(timeout.toMillis()));
    props.put("mail.smtp.starttls.enable", "true");
    props.put("mail.smtp.starttls.required", Boolean.toString(smtp.requireTls()));
    boolean auth = smtp.authUsername() != null && !smtp.authUsername().isEmpty();
    props.put("mail." + protocol + ".auth", Boolean.toString(auth));
    try {
      // The envelope sender is the from setting's address, as Alertmanager sends MAIL FROM; the
      // From header is written as rendered.
      InternetAddress[] from = InternetAddress.parse(mail.content().from());
      if (from.length != 1) {
        throw new AddressException(
            "must be exactly one from address (got " + from.length + ")", mail.content().from());
      }
      props.put("mail." + protocol + ".from", from[0].getAddress());
      Session session = Session.getInstance(props);
      MimeMessage message = message(session, mail.content());
      List<InternetAddress> recipients = new ArrayList<>();
      for (String to : mail.content().recipients()) {
        recipients.addAll(List.of(InternetAddress.parse(to)));
      }
      try (Transport transport = session.getTransport(protocol)) {
        if (auth) {
          transport.connect(host, port, smtp.authUsername(), smtp.authPassword().value());
        } else {
          transport.connect(host, port, null, null);
        }
        transport.sendMessage(message, recipients.toArray(InternetAddress[]::new));
      }
      return new AttemptResult.Delivered(250);
    } catch (AddressException e) {
      return new AttemptResult.Failed("invalid address in email config: " + e.getRef());
    } catch (AuthenticationFailedException e) {
      return new AttemptResult.Failed("SMTP authentication failed");
    } catch (MailConnectException e) {
      return new AttemptResult.Retry("SMTP connection failed", Optional.empty());
    } catch (SMTPAddressFailedException e) {
      return answer("recipient refused", e.getReturnCode());
    } catch (SMTPSendFailedException e) {
      return answer("message refused", e.getReturnCode());
    } catch (MessagingException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage();
      if (reason.contains("STARTTLS")) {
        return new AttemptResult.Failed(
            "require_tls is true but the SMTP server does not offer STARTTLS");
      }
      return new AttemptResult.Retry(
          "SMTP delivery failed: " + e.getClass().getSimpleName(), Optional.empty());
    }
  }

  /**
   * The tls_config (or smtp_tls_config) for the implicit TLS connection or STARTTLS: own trust (a
   * CA, or none when insecure_skip_verify) and the allowed protocol versions.
   */
  private static void tls(Properties props, String prefix, TlsConfig tls) {
    if (TlsContexts.needsOwnContext(tls)) {
      props.put(prefix + "socketFactory", TlsContexts.context(tls).getSocketFactory());
    }
    if (tls.insecureSkipVerify()) {
      props.put(prefix + "trust", "*");
      props.put(prefix + "checkserveridentity", "false");
    }
    List<String> protocols = TlsContexts.protocols(tls);
    if (!protocols.isEmpty()) {
      props.put(prefix + "protocols", String.join(" ", protocols));
    }
  }

  private static AttemptResult answer(String what, int code) {
    String reason = "SMTP " + what + " with code " + code;
    return code >= 400 && code < 500
        ? new AttemptResult.Retry(reason, Optional.empty())
        : new AttemptResult.Failed(reason);
  }

  /**
   * A text part in quoted-printable, as Alertmanager writes both parts: lines stay within RFC
   * 2045's 76 characters whatever the template renders, and line breaks become CRLF.
   */
  private static MimeBodyPart part(String body, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(body, "UTF-8", subtype);
    // After setText, which clears it; an explicit encoding is kept when the message is saved.
    part.setHeader("Content-Transfer-Encoding", "quoted-printable");
    return part;
  }

  /** Longest content of one encoded word: 75 characters less {@code =?utf-8?q?} and {@code ?=}. */
  private static final int MAX_WORD_CONTENT = 75 - 10 - 2;

  /**
   * A header value as Go's {@code mime.QEncoding.Encode("utf-8", value)} gives it: unchanged when
   * it is printable ASCII (tabs allowed), otherwise RFC 2047 Q-encoded words of at most 75
   * characters, split between characters and separated by spaces. Line breaks are encoded, so a
   * rendered value cannot add headers.
   */
  static String encodeHeader(String value) {
    boolean plain = true;
    for (int i = 0; i < value.length() && plain; i++) {
      char c = value.charAt(i);
      plain = (c >= ' ' && c <= '~') || c == '\t';
    }
    if (plain) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() * 3 + 16).append("=?utf-8?q?");
    int used = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      int chars = Character.charCount(cp);
      byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      boolean literal = cp >= ' ' && cp <= '~' && cp != '=' && cp != '?' && cp != '_';
      int length = literal ? 1 : 3 * bytes.length;
      if (used + length > MAX_WORD_CONTENT) {
        out.append("?= =?utf-8?q?");
        used = 0;
      }
      if (cp == ' ') {
        out.append('_');
      } else if (literal) {
        out.append((char) cp);
      } else {
        for (byte b : bytes) {
          out.append('=')
              .append(Character.toUpperCase(Character.forDigit((b >> 4) & 15, 16)))
              .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
        }
      }
      used += length;
      i += chars;
    }
    return out.append("?=").toString();
  }

  private static MimeMessage message(Session session, MailContent mail) throws MessagingException {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", mail.messageId());
          }
        };
    // Every header (Subject, To and From too) is written as Alertmanager writes it: the rendered
    // text, encoded only when it holds more than printable ASCII, never folded or trimmed (Jakarta
    // Mail's setSubject would drop the trailing space __subject can leave).
    for (Map.Entry<String, String> h : mail.headers().entrySet()) {
      message.setHeader(h.getKey(), encodeHeader(h.getValue()));
    }
    message.setSentDate(new Date());
    MimeMultipart alternatives = new MimeMultipart("alternative");
    if (!mail.text().isEmpty()) {
      alternatives.addBodyPart(part(mail.text(), "plain"));
    }
    if (!mail.html().isEmpty()) {
      alternatives.addBodyPart(part(mail.html(), "html"));
    }
    message.setContent(alternatives);
    return message;
  }
}
