package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The email sink in a real Connect worker against a GreenMail SMTP server with authentication. */
class EmailConnectorIT {

  private static final String PASSWORD = "smtp-password-secret-51b0";
  private static GreenMail smtp;
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    smtp =
        new GreenMail(
                new ServerSetup(TestStacks.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(
                GreenMailConfiguration.aConfig()
                    .withUser("alerts@example.org", "alerts", PASSWORD));
    smtp.start();
    stack = TestStacks.shared();
  }

  @AfterAll
  static void stop() throws Exception {
    smtp.stop();
    SecretLeaks.assertNoneLeaked(stack, List.of(PASSWORD));
  }

  private static String config(String to, String password) {
    return "global:\n  smtp_smarthost: '127.0.0.1:"
        + smtp.getSmtp().getPort()
        + "'\n  smtp_from: alertstream@example.org\n  smtp_auth_username: alerts\n"
        + "  smtp_auth_password: '"
        + password
        + "'\n  smtp_require_tls: false\n"
        + "route:\n  receiver: mail\n  group_by: [alertname]\n  group_wait: 0s\n  group_interval: 1s\n"
        + "receivers:\n  - name: mail\n    email_configs:\n      - to: '"
        + to
        + "'\n";
  }

  @Test
  void anAuthenticatedSmtpDeliveryHasAlertmanagersSubjectAndAnHtmlBody() throws Exception {
    TestStacks.publishConfig(stack, "mail-tenant", config("oncall@example.org", PASSWORD));

    TestStacks.postAlerts(
        stack,
        "mail-tenant",
        "[{\"labels\":{\"alertname\":\"MailTest\",\"job\":\"api\"},"
            + "\"annotations\":{\"summary\":\"<api> & friends are slow\"}}]");

    await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("[FIRING:1] MailTest (api)");
    assertThat(mail.getHeader("To")[0]).isEqualTo("oncall@example.org");
    assertThat(mail.getHeader("From")[0]).isEqualTo("alertstream@example.org");
    assertThat(mail.getMessageID()).matches("<[A-Za-z0-9.-]+@alertstream>");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body).contains("text/html");
    String html = decoded(mail);
    assertThat(html)
        .contains("1 alert for alertname=MailTest")
        .contains("[1] Firing")
        .contains("summary = &lt;api&gt; &amp; friends are slow")
        .contains("View in Alertmanager")
        .contains(stack.apiUrl() + "/#/alerts?receiver=mail");
  }

  @Test
  void aWrongPasswordGoesToTheDeadLetterTopicWithoutThePassword() throws Exception {
    TestStacks.publishConfig(
        stack, "mail-bad-tenant", config("oncall@example.org", "wrong-" + PASSWORD));

    TestStacks.postAlerts(stack, "mail-bad-tenant", "[{\"labels\":{\"alertname\":\"MailBad\"}}]");

    var dead =
        TestStacks.awaitRecord(stack, EmbeddedConnect.DLQ_TOPIC, "mail-bad-tenant", r -> true);
    assertThat(TestStacks.deadLetterReason(dead)).isEqualTo("SMTP authentication failed");
  }

  private static String decoded(MimeMessage mail) throws Exception {
    var multipart = (jakarta.mail.Multipart) mail.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      var part = multipart.getBodyPart(i);
      if (part.isMimeType("text/html")) {
        return (String) part.getContent();
      }
    }
    throw new AssertionError("no HTML part");
  }
}
