package io.alertstream.config.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.ConfigParser;
import org.junit.jupiter.api.Test;

class ConfigMaskerTest {

  private static final String CONFIG =
      """
      global:
        slack_api_url: https://hooks.slack.com/services/T0/B0/SLACKSECRET
        smtp_auth_password: SMTPSECRET
        smtp_smarthost: smtp.example.com:587
        smtp_from: a@example.com
      route:
        receiver: all
      receivers:
        - name: all
          webhook_configs:
            - url: http://hooks.example.com/x?token=HOOKSECRET
              http_config:
                basic_auth: {username: u, password: BASICSECRET}
          pagerduty_configs:
            - routing_key: PDSECRET
              url: https://events.pagerduty.com/v2/enqueue
          email_configs:
            - to: oncall@example.com
              auth_password: MAILSECRET
          opsgenie_configs:
            - api_key: GENIESECRET
      """;

  @Test
  void masksEverySecretAndKeepsTheRest() throws Exception {
    String masked = ConfigMasker.mask(CONFIG);

    assertThat(masked)
        .doesNotContain(
            "SLACKSECRET",
            "SMTPSECRET",
            "HOOKSECRET",
            "BASICSECRET",
            "PDSECRET",
            "MAILSECRET",
            "GENIESECRET")
        .contains("<secret>")
        .contains("https://events.pagerduty.com/v2/enqueue")
        .contains("oncall@example.com")
        .contains("username: u");
  }

  @Test
  void theMaskedConfigStillReadsAsTheSameStructure() throws Exception {
    var config =
        new ConfigParser()
            .parse(
                ConfigMasker.mask(CONFIG.replace("url: http://hooks", "url: https://hooks"))
                    .replace("<secret>", "https://masked.example.com"));

    assertThat(config.receivers()).containsOnlyKeys("all");
  }

  @Test
  void masksTheSecretsOfCurrentAlertmanagerKeys() {
    String masked =
        ConfigMasker.mask(
            "global:\n  slack_app_token: APPSECRET\n"
                + "  http_config:\n    http_headers:\n"
                + "      X-Key: {values: [visible], secrets: [HEADERSECRET, OTHERSECRET]}\n"
                + "receivers:\n- name: r\n  slack_configs:\n  - app_token: LOCALSECRET\n");

    assertThat(masked)
        .doesNotContain("APPSECRET", "HEADERSECRET", "OTHERSECRET", "LOCALSECRET")
        .contains("visible");
  }

  @Test
  void masksTheSecretsOfEveryIntegrationType() throws Exception {
    String yaml =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("src/test/resources/config/every-receiver.yml"));
    new io.alertstream.config.ConfigParser().parse(yaml);

    String masked = ConfigMasker.mask(yaml);

    assertThat(masked).doesNotContain("-secret").contains("everyone").contains("chat_id: 42");
  }
}
