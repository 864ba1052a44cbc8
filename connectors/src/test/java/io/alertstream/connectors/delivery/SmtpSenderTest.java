package io.alertstream.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.alertstream.config.receivers.EmailConfig;
import io.alertstream.config.receivers.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpSenderTest {

  private GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  private Outbound.Mail mail(boolean requireTls) {
    EmailConfig config =
        new EmailConfig(
            "to@example.org",
            "from@example.org",
            "127.0.0.1:" + smtp.getSmtp().getPort(),
            "alertstream.test",
            "",
            new Secret(""),
            new Secret(""),
            "",
            requireTls,
            false,
            "",
            "",
            Map.of());
    return new Outbound.Mail(
        config,
        new MailContent(
            Map.of("Subject", "[FIRING:1] X", "To", "to@example.org", "From", "from@example.org"),
            List.of("to@example.org"),
            "from@example.org",
            "<n-1@alertstream>",
            "<p>hi</p>",
            "hi"));
  }

  @Test
  void sendsBothPartsWithTheStableMessageId() throws Exception {
    DeliveryOutcome outcome = new SmtpSender(Duration.ofSeconds(5)).send(mail(false));

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
    var received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getMessageID()).isEqualTo("<n-1@alertstream>");
    assertThat(received[0].getContentType()).startsWith("multipart/alternative");
  }

  @Test
  void requireTlsRefusesAServerWithoutStartTls() {
    DeliveryOutcome outcome = new SmtpSender(Duration.ofSeconds(5)).send(mail(true));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            DeliveryOutcome.Failed.class, f -> assertThat(f.reason()).contains("STARTTLS"));
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }
}
