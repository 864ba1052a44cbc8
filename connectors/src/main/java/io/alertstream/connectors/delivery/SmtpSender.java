package io.alertstream.connectors.delivery;

import io.alertstream.config.receivers.EmailConfig;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
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
 * unless require_tls is false), implicit TLS on port 465, authentication when a user name is set,
 * the configured HELO name. SMTP 4xx answers and connection failures are retried, 5xx are not.
 */
public final class SmtpSender {

  private final Duration timeout;

  public SmtpSender(Duration timeout) {
    this.timeout = timeout;
  }

  public DeliveryOutcome send(Outbound.Mail mail) {
    EmailConfig smtp = mail.smtp();
    String host = mail.host();
    int port = Integer.parseInt(smtp.smarthost().substring(smtp.smarthost().lastIndexOf(':') + 1));
    boolean implicitTls = port == 465;
    String protocol = implicitTls ? "smtps" : "smtp";
    Properties props = new Properties();
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
    Session session = Session.getInstance(props);
    try {
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
      return new DeliveryOutcome.Delivered(250);
    } catch (AddressException e) {
      return new DeliveryOutcome.Failed("invalid address in email config: " + e.getRef());
    } catch (AuthenticationFailedException e) {
      return new DeliveryOutcome.Failed("SMTP authentication failed");
    } catch (MailConnectException e) {
      return new DeliveryOutcome.Retry("SMTP connection failed", Optional.empty());
    } catch (SMTPAddressFailedException e) {
      return answer("recipient refused", e.getReturnCode());
    } catch (SMTPSendFailedException e) {
      return answer("message refused", e.getReturnCode());
    } catch (MessagingException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage();
      if (reason.contains("STARTTLS")) {
        return new DeliveryOutcome.Failed(
            "require_tls is true but the SMTP server does not offer STARTTLS");
      }
      return new DeliveryOutcome.Retry(
          "SMTP delivery failed: " + e.getClass().getSimpleName(), Optional.empty());
    }
  }

  private static DeliveryOutcome answer(String what, int code) {
    String reason = "SMTP " + what + " with code " + code;
    return code >= 400 && code < 500
        ? new DeliveryOutcome.Retry(reason, Optional.empty())
        : new DeliveryOutcome.Failed(reason);
  }

  private static MimeMessage message(Session session, MailContent mail) throws MessagingException {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", mail.messageId());
          }
        };
    for (Map.Entry<String, String> h : mail.headers().entrySet()) {
      switch (h.getKey()) {
        case "Subject" -> message.setSubject(h.getValue(), "UTF-8");
        case "From" -> message.setFrom(InternetAddress.parse(h.getValue())[0]);
        case "To" ->
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(h.getValue()));
        default -> message.setHeader(h.getKey(), h.getValue());
      }
    }
    message.setSentDate(new Date());
    MimeMultipart alternatives = new MimeMultipart("alternative");
    if (!mail.text().isEmpty()) {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), "UTF-8", "plain");
      alternatives.addBodyPart(text);
    }
    if (!mail.html().isEmpty()) {
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), "UTF-8", "html");
      alternatives.addBodyPart(html);
    }
    message.setContent(alternatives);
    return message;
  }
}
