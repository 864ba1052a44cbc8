package io.alertstream.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.EmailConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.TenantTemplates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailNotifierTest {

  @Test
  void headersAreRenderedAndTheMessageIdIsStable() throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "global: {smtp_smarthost: 'mail:25', smtp_from: am@example.org}\n"
                    + "route: {receiver: team-x, group_by: [alertname]}\nreceivers:\n- name: team-x\n  email_configs:\n"
                    + "  - to: oncall@example.org\n    headers: {X-Team: '{{ .CommonLabels.team }}'}\n");
    var n =
        TestNotifications.of(
            "email",
            Map.of("alertname", "DiskFull"),
            Map.of("alertname", "DiskFull", "team", "db"),
            List.of(
                TestNotifications.alert(
                    Map.of("alertname", "DiskFull", "team", "db"), Map.of(), true)));

    var settings = TestNotifications.settings(config, "email", EmailConfig.class);
    var mail =
        (Outbound.Mail)
            new EmailNotifier().prepare(n, settings, TenantTemplates.DEFAULTS).request();
    var again =
        (Outbound.Mail)
            new EmailNotifier().prepare(n, settings, TenantTemplates.DEFAULTS).request();

    assertThat(mail.host()).isEqualTo("mail");
    assertThat(mail.content().headers())
        .containsEntry("Subject", "[FIRING:1] DiskFull (db)")
        .containsEntry("To", "oncall@example.org")
        .containsEntry("From", "am@example.org")
        .containsEntry("X-Team", "db");
    assertThat(mail.content().messageId())
        .isEqualTo("<acme-n-1@alertstream>")
        .isEqualTo(again.content().messageId());
    assertThat(mail.content().text()).isEmpty();
    assertThat(mail.content().html()).contains("1 alert for alertname=DiskFull");
  }

  @Test
  void threadingNamesOneThreadRootPerGroupAndDayAsAlertmanagerDoes() throws Exception {
    var n =
        TestNotifications.of(
            "email",
            Map.of("alertname", "DiskFull"),
            Map.of("alertname", "DiskFull"),
            List.of(TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), true)));
    String hash =
        io.alertstream.connectors.rendering.GroupKeyHash.of(n.getGroupKey()).substring(0, 16);

    for (String by : List.of("daily", "none")) {
      var config =
          new ConfigParser()
              .parse(
                  "global: {smtp_smarthost: 'mail:25', smtp_from: am@example.org}\n"
                      + "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  email_configs:\n"
                      + "  - to: oncall@example.org\n    threading: {enabled: true, thread_by_date: "
                      + by
                      + "}\n");
      var mail =
          (Outbound.Mail)
              new EmailNotifier()
                  .prepare(
                      n,
                      TestNotifications.settings(config, "email", EmailConfig.class),
                      TenantTemplates.DEFAULTS)
                  .request();
      String root =
          "<alert-" + hash + "-" + (by.equals("daily") ? "2026-03-01" : "") + "@alertmanager>";
      assertThat(mail.content().headers())
          .containsEntry("References", root)
          .containsEntry("In-Reply-To", root);
    }
  }

  @Test
  void theSubjectAndHtmlGoThroughTheNamedTemplatesATenantMayDefine() throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "global: {smtp_smarthost: 'mail:25', smtp_from: am@example.org}\n"
                    + "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  email_configs:\n"
                    + "  - to: oncall@example.org\n");
    var n = TestNotifications.diskFull("email");
    var tenant = TestNotifications.overridingBuiltIns();

    var mail =
        (Outbound.Mail)
            new EmailNotifier()
                .prepare(n, TestNotifications.settings(config, "email", EmailConfig.class), tenant)
                .request();

    assertThat(mail.content().headers()).containsEntry("Subject", "S:DiskFull");
    assertThat(mail.content().html())
        .contains("<title>S:DiskFull</title>")
        .contains("<a href=\"https://am.team.example\"")
        .contains("View in Team AM");
  }
}
