package io.alertstream.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.alertstream.config.receivers.EmailConfig;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.TlsConfig;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    return mail(
        requireTls,
        Map.of("Subject", "[FIRING:1] X", "To", "to@example.org", "From", "from@example.org"),
        "<p>hi</p>",
        "hi");
  }

  private Outbound.Mail mail(
      boolean requireTls, Map<String, String> headers, String html, String text) {
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
            Map.of(),
            TlsConfig.DEFAULT,
            Optional.empty());
    return new Outbound.Mail(
        config,
        new MailContent(
            headers,
            List.of("to@example.org"),
            "Alerts <from@example.org>",
            "<n-1@alertstream>",
            html,
            text));
  }

  @Test
  void sendsBothPartsWithTheStableMessageId() throws Exception {
    AttemptResult outcome = new SmtpSender(Duration.ofSeconds(5)).send(mail(false));

    assertThat(outcome).isInstanceOf(AttemptResult.Delivered.class);
    var received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getMessageID()).isEqualTo("<n-1@alertstream>");
    assertThat(received[0].getContentType()).startsWith("multipart/alternative");
  }

  @Test
  void requireTlsRefusesAServerWithoutStartTls() {
    AttemptResult outcome = new SmtpSender(Duration.ofSeconds(5)).send(mail(true));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            AttemptResult.Failed.class, f -> assertThat(f.reason()).contains("STARTTLS"));
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void theSubjectIsExactlyTheRenderedTextTrailingSpaceIncluded() throws Exception {
    AttemptResult outcome =
        new SmtpSender(Duration.ofSeconds(5))
            .send(
                mail(
                    false,
                    Map.of(
                        "Subject", "[FIRING:2] DiskFull node ",
                        "To", "to@example.org",
                        "From", "Alerts <from@example.org>",
                        "X-Note", "disque plein é"),
                    "<p>hi</p>",
                    "hi"));

    assertThat(outcome).isInstanceOf(AttemptResult.Delivered.class);
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("[FIRING:2] DiskFull node ");
    assertThat(received.getHeader("From", null)).isEqualTo("Alerts <from@example.org>");
    assertThat(MimeUtility.decodeText(received.getHeader("X-Note", null)))
        .isEqualTo("disque plein é");
    assertThat(GreenMailUtil.getHeaders(received))
        .contains("X-Note: =?utf-8?q?disque_plein_=C3=A9?=");
  }

  @Test
  void bothPartsAreQuotedPrintableSoNoLineIsLongerThanRfc2045Allows() throws Exception {
    String longLine = "disk usage is high and rising ".repeat(50) + "é";
    new SmtpSender(Duration.ofSeconds(5))
        .send(
            mail(
                false,
                Map.of("Subject", "s", "To", "to@example.org", "From", "from@example.org"),
                "<p>" + longLine + "</p>",
                "short\n" + longLine + "\nend  "));

    MimeMessage received = smtp.getReceivedMessages()[0];
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      assertThat(parts.getBodyPart(i).getHeader("Content-Transfer-Encoding"))
          .containsExactly("quoted-printable");
    }
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("short\r\n" + longLine + "\r\nend  ");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>" + longLine + "</p>");
    // The body (GreenMail adds a long Received header of its own).
    assertThat(GreenMailUtil.getBody(received).lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
  }

  @Test
  void headersAreEncodedAsGosQEncodingEncodesThem() {
    assertThat(SmtpSender.encodeHeader("[FIRING:1] DiskFull ")).isEqualTo("[FIRING:1] DiskFull ");
    assertThat(SmtpSender.encodeHeader("a\tb")).isEqualTo("a\tb");
    assertThat(SmtpSender.encodeHeader("x=y é_?")).isEqualTo("=?utf-8?q?x=3Dy_=C3=A9=5F=3F?=");
    assertThat(SmtpSender.encodeHeader("line\r\nBcc: x")).isEqualTo("=?utf-8?q?line=0D=0ABcc:_x?=");
    // Encoded words of at most 75 characters, split between characters.
    String encoded = SmtpSender.encodeHeader("é".repeat(30));
    assertThat(encoded.split(" "))
        .hasSize(3)
        .allSatisfy(word -> assertThat(word.length()).isLessThanOrEqualTo(75));
    assertThat(encoded).startsWith("=?utf-8?q?" + "=C3=A9".repeat(10) + "?= =?utf-8?q?");
  }
}
