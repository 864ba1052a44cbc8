package io.alertstream.config.receivers.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

class DiscordIntegrationTest {

  private static final String URL = "https://discord.com/api/webhooks/123/s3cr3t-token";

  private static DiscordConfig parse(String entry) throws Exception {
    return new ConfigParser()
        .parse(
            "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  discord_configs:\n  - "
                + entry
                + "\n")
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(DiscordConfig.class);
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    DiscordConfig c = parse("{webhook_url: '" + URL + "'}");

    assertThat(c.webhookUrl().toString()).isEqualTo(URL);
    assertThat(c.sendResolved()).isTrue();
    assertThat(c.title()).isEqualTo("{{ template \"discord.default.title\" . }}");
    assertThat(c.message()).isEqualTo("{{ template \"discord.default.message\" . }}");
    assertThat(c.content()).isEmpty();
    assertThat(c.username()).isEmpty();
    assertThat(c.avatarUrl()).isEmpty();
  }

  @Test
  void everySettingIsRead() throws Exception {
    DiscordConfig c =
        parse(
            "{webhook_url: '"
                + URL
                + "', send_resolved: false, title: T, message: M, content: C, username: bot,"
                + " avatar_url: 'https://img.example/a.png'}");

    assertThat(c.sendResolved()).isFalse();
    assertThat(c.title()).isEqualTo("T");
    assertThat(c.message()).isEqualTo("M");
    assertThat(c.content()).isEqualTo("C");
    assertThat(c.username()).isEqualTo("bot");
    assertThat(c.avatarUrl()).isEqualTo("https://img.example/a.png");
  }

  @Test
  void aWebhookUrlIsRequired() {
    assertThatThrownBy(() -> parse("{title: hello}"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("discord_configs[0]")
        .hasMessageEndingWith("one of webhook_url or webhook_url_file must be configured");
  }

  @Test
  void aWebhookUrlFileIsRefusedAndBothAtOnceAsAlertmanagerRefusesThem() {
    assertThatThrownBy(() -> parse("{webhook_url_file: /etc/discord}"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("webhook_url_file")
        .hasMessageContaining("file paths are not allowed");
    assertThatThrownBy(() -> parse("{webhook_url: '" + URL + "', webhook_url_file: /etc/x}"))
        .hasMessageEndingWith("at most one of webhook_url & webhook_url_file must be configured");
  }

  @Test
  void aBadUrlIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> parse("{webhook_url: 'ftp://discord.com/api/webhooks/1/tok'}"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("webhook_url")
        .hasMessageNotContaining("tok");
  }

  @Test
  void anUnknownKeyIsRefused() {
    assertThatThrownBy(() -> parse("{webhook_url: '" + URL + "', colour: red}"))
        .hasMessageContaining("field colour not found");
  }

  @Test
  void toStringHidesTheWebhookUrl() throws Exception {
    assertThat(parse("{webhook_url: '" + URL + "'}").toString())
        .doesNotContain("s3cr3t")
        .doesNotContain("discord.com")
        .contains("<secret>");
  }
}
