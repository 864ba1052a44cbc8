package io.alertstream.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.alertstream.config.receivers.EmailConfig;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.TlsConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** force_implicit_tls and tls_config against an SMTPS server with a self-signed certificate. */
class SmtpTlsTest {

  private GreenMail smtps;

  @BeforeEach
  void start() {
    smtps =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort());
    smtps.start();
  }

  @AfterEach
  void stop() {
    smtps.stop();
  }

  private Outbound.Mail mail(TlsConfig tls, Optional<Boolean> forceImplicitTls) {
    EmailConfig config =
        new EmailConfig(
            "to@example.org",
            "from@example.org",
            "127.0.0.1:" + smtps.getSmtps().getPort(),
            "alertstream.test",
            "",
            new Secret(""),
            new Secret(""),
            "",
            false,
            false,
            "",
            "",
            Map.of(),
            tls,
            forceImplicitTls);
    return new Outbound.Mail(
        config,
        new MailContent(
            Map.of("Subject", "s", "To", "to@example.org", "From", "from@example.org"),
            List.of("to@example.org"),
            "from@example.org",
            "<n-1@alertstream>",
            "",
            "hi"));
  }

  @Test
  void forceImplicitTlsConnectsWithTlsOnAnyPortAndInsecureSkipVerifyTrustsTheServer() {
    TlsConfig insecure = new TlsConfig(true, Optional.empty(), "TLS12", "");

    AttemptResult outcome =
        new SmtpSender(Duration.ofSeconds(5)).send(mail(insecure, Optional.of(true)));

    assertThat(outcome).isInstanceOf(AttemptResult.Delivered.class);
    assertThat(smtps.getReceivedMessages()).hasSize(1);
  }

  @Test
  void theServerCertificateIsCheckedUnlessToldOtherwise() {
    AttemptResult outcome =
        new SmtpSender(Duration.ofSeconds(5)).send(mail(TlsConfig.DEFAULT, Optional.of(true)));

    assertThat(outcome).isNotInstanceOf(AttemptResult.Delivered.class);
    assertThat(smtps.getReceivedMessages()).isEmpty();
  }

  @Test
  void withoutForceImplicitTlsAPortOtherThan465SpeaksPlainSmtp() {
    AttemptResult outcome =
        new SmtpSender(Duration.ofSeconds(2))
            .send(mail(new TlsConfig(true, Optional.empty(), "", ""), Optional.empty()));

    assertThat(outcome).isNotInstanceOf(AttemptResult.Delivered.class);
  }
}
