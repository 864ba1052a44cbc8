package io.alertstream.config.receivers.msteamsv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

class Msteamsv2IntegrationTest {

  private static final String URL =
      "https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke"
          + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=s3cr3t";

  private static Msteamsv2Config parse(String global, String entry) throws Exception {
    return new ConfigParser()
        .parse(
            global
                + "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  msteamsv2_configs:\n  - "
                + entry
                + "\n")
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(Msteamsv2Config.class);
  }

  private static Msteamsv2Config parse(String entry) throws Exception {
    return parse("", entry);
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    Msteamsv2Config c = parse("{webhook_url: '" + URL + "'}");

    assertThat(c.webhookUrl().toString()).isEqualTo(URL);
    assertThat(c.sendResolved()).isTrue();
    assertThat(c.title()).isEqualTo("{{ template \"msteamsv2.default.title\" . }}");
    assertThat(c.text()).isEqualTo("{{ template \"msteamsv2.default.text\" . }}");
  }

  @Test
  void everySettingIsRead() throws Exception {
    Msteamsv2Config c =
        parse("{webhook_url: '" + URL + "', send_resolved: false, title: T, text: X}");

    assertThat(c.sendResolved()).isFalse();
    assertThat(c.title()).isEqualTo("T");
    assertThat(c.text()).isEqualTo("X");
  }

  @Test
  void anOwnHttpConfigWithoutAProxyKeepsTheGlobalProxy() throws Exception {
    String global = "global: {http_config: {proxy_url: 'http://proxy.internal:3128'}}\n";

    Msteamsv2Config own =
        parse(
            global,
            "{webhook_url: '"
                + URL
                + "', http_config: {tls_config: {insecure_skip_verify: true}}}");
    assertThat(own.http().proxyUrl())
        .hasValueSatisfying(p -> assertThat(p.getHost()).isEqualTo("proxy.internal"));
    assertThat(own.http().insecureSkipVerify()).isTrue();

    Msteamsv2Config ownProxy =
        parse(global, "{webhook_url: '" + URL + "', http_config: {proxy_url: 'http://other:1'}}");
    assertThat(ownProxy.http().proxyUrl().orElseThrow().getHost()).isEqualTo("other");
  }

  @Test
  void aWebhookUrlIsRequired() {
    assertThatThrownBy(() -> parse("{title: T}"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("msteamsv2_configs[0]")
        .hasMessageEndingWith("one of webhook_url or webhook_url_file must be configured");
  }

  @Test
  void aWebhookUrlFileIsRefused() {
    assertThatThrownBy(() -> parse("{webhook_url_file: /etc/teams}"))
        .hasMessageContaining("webhook_url_file")
        .hasMessageContaining("file paths are not allowed");
  }

  @Test
  void toStringHidesTheWebhookUrl() throws Exception {
    assertThat(parse("{webhook_url: '" + URL + "'}").toString())
        .doesNotContain("s3cr3t")
        .doesNotContain("azure.com");
  }
}
