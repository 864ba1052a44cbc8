package io.alertstream.config.receivers.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

class MsteamsIntegrationTest {

  private static final String URL =
      "https://acme.webhook.office.com/webhookb2/abc/IncomingWebhook/s3cr3t";

  private static MsteamsConfig parse(String entry) throws Exception {
    return new ConfigParser()
        .parse(
            "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  msteams_configs:\n  - "
                + entry
                + "\n")
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(MsteamsConfig.class);
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    MsteamsConfig c = parse("{webhook_url: '" + URL + "'}");

    assertThat(c.webhookUrl().toString()).isEqualTo(URL);
    assertThat(c.sendResolved()).isTrue();
    assertThat(c.title()).isEqualTo("{{ template \"msteams.default.title\" . }}");
    assertThat(c.summary()).isEqualTo("{{ template \"msteams.default.summary\" . }}");
    assertThat(c.text()).isEqualTo("{{ template \"msteams.default.text\" . }}");
  }

  @Test
  void everySettingIsRead() throws Exception {
    MsteamsConfig c =
        parse("{webhook_url: '" + URL + "', send_resolved: false, title: T, summary: S, text: X}");

    assertThat(c.sendResolved()).isFalse();
    assertThat(c.title()).isEqualTo("T");
    assertThat(c.summary()).isEqualTo("S");
    assertThat(c.text()).isEqualTo("X");
  }

  @Test
  void aWebhookUrlIsRequired() {
    assertThatThrownBy(() -> parse("{title: T}"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("msteams_configs[0]")
        .hasMessageEndingWith("one of webhook_url or webhook_url_file must be configured");
  }

  @Test
  void aWebhookUrlFileIsRefused() {
    assertThatThrownBy(() -> parse("{webhook_url_file: /etc/teams}"))
        .hasMessageContaining("webhook_url_file")
        .hasMessageContaining("file paths are not allowed");
    assertThatThrownBy(() -> parse("{webhook_url: '" + URL + "', webhook_url_file: /etc/t}"))
        .hasMessageEndingWith("at most one of webhook_url & webhook_url_file must be configured");
  }

  @Test
  void toStringHidesTheWebhookUrl() throws Exception {
    assertThat(parse("{webhook_url: '" + URL + "'}").toString())
        .doesNotContain("s3cr3t")
        .doesNotContain("office.com");
  }
}
