package io.alertstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.receivers.EmailConfig;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Integration;
import io.alertstream.config.receivers.PagerdutyConfig;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.config.receivers.SlackConfig;
import io.alertstream.config.receivers.WebhookConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

  private final ConfigParser parser = new ConfigParser();

  @Test
  void httpConfigGivesTheConnectorsProxyTlsAndAuthorizationAndTheGlobalOneIsTheDefault()
      throws Exception {
    AlertmanagerConfig config =
        new ConfigParser()
            .parse(
                "global:\n  http_config: {proxy_url: 'http://proxy:3128', tls_config: {insecure_skip_verify: true}}\n"
                    + "route: {receiver: r}\nreceivers:\n- name: r\n"
                    + "  webhook_configs:\n  - url: 'http://a/'\n"
                    + "  - url: 'http://b/'\n    http_config: {basic_auth: {username: u, password: p}}\n"
                    + "  slack_configs:\n  - api_url: 'https://slack.com/api/chat.postMessage'\n"
                    + "    http_config: {authorization: {credentials: xoxb-1}}\n");
    ReceiverConfig r = config.receiver("r").orElseThrow();

    HttpClientConfig inherited = r.configs(WebhookConfig.class).get(0).http();
    assertThat(inherited.proxyUrl()).contains(URI.create("http://proxy:3128"));
    assertThat(inherited.insecureSkipVerify()).isTrue();
    assertThat(inherited.authorization()).isEmpty();
    HttpClientConfig own = r.configs(WebhookConfig.class).get(1).http();
    assertThat(own.proxyUrl()).isEmpty();
    assertThat(own.authorization().orElseThrow().value()).isEqualTo("Basic dTpw");
    assertThat(r.configs(SlackConfig.class).get(0).http().authorization().orElseThrow().value())
        .isEqualTo("Bearer xoxb-1");
    assertThat(own.toString()).doesNotContain("dTpw");
  }

  @Test
  void readsReceiversAndTheirIntegrationsWithDefaults() throws Exception {
    AlertmanagerConfig config = parser.parse(testdata("webhook.good.yml"));

    assertThat(config.rootReceiver()).isEqualTo("team-x");
    assertThat(config.resolveTimeout()).isEqualTo(Duration.ofMinutes(2));
    ReceiverConfig receiver = config.receiver("team-x").orElseThrow();
    assertThat(receiver.configs(WebhookConfig.class)).hasSize(2);
    assertThat(receiver.configs(WebhookConfig.class).get(0).url().toString())
        .isEqualTo("http://hooks.example.com/alerts?token=s3cret");
    assertThat(receiver.configs(WebhookConfig.class).get(0).sendResolved()).isTrue();
    assertThat(receiver.configs(WebhookConfig.class).get(1).sendResolved()).isFalse();
    assertThat(receiver.configs(WebhookConfig.class).get(1).maxAlerts()).isEqualTo(10);
  }

  @Test
  void globalDefaultsFlowIntoReceivers() throws Exception {
    AlertmanagerConfig config =
        parser.parse(
            """
            global:
              slack_api_url: https://hooks.slack.com/services/T0/B0/X
              smtp_smarthost: smtp.example.com:587
              smtp_from: alerts@example.com
              smtp_require_tls: false
            route: {receiver: all}
            receivers:
              - name: all
                slack_configs: [{channel: '#ops'}]
                email_configs: [{to: oncall@example.com}]
                pagerduty_configs: [{routing_key: abc}]
                opsgenie_configs: [{api_key: k}]
            """);

    ReceiverConfig all = config.receiver("all").orElseThrow();
    assertThat(all.configs(SlackConfig.class).get(0).apiUrl())
        .isEqualTo(URI.create("https://hooks.slack.com/services/T0/B0/X"));
    assertThat(all.configs(SlackConfig.class).get(0).sendResolved()).isFalse();
    assertThat(all.configs(SlackConfig.class).get(0).fields())
        .containsEntry("channel", "#ops")
        .containsEntry("title", "{{ template \"slack.default.title\" . }}");
    assertThat(all.configs(EmailConfig.class).get(0).smarthost()).isEqualTo("smtp.example.com:587");
    assertThat(all.configs(EmailConfig.class).get(0).from()).isEqualTo("alerts@example.com");
    assertThat(all.configs(EmailConfig.class).get(0).requireTls()).isFalse();
    assertThat(all.configs(EmailConfig.class).get(0).headers())
        .containsEntry("To", "oncall@example.com");
    assertThat(all.configs(PagerdutyConfig.class).get(0).url())
        .isEqualTo(GlobalConfig.DEFAULT_PAGERDUTY_URL);
    assertThat(all.configs(PagerdutyConfig.class).get(0).sendResolved()).isTrue();
    assertThat(all.integrations()).extracting(Integration::type).contains("opsgenie");
  }

  @Test
  void namesTheFieldAndLineOfAnError() {
    String yaml =
        "route:\n  receiver: r\nreceivers:\n  - name: r\n    webhook_configs:\n      - send_resolved: true\n";

    assertThatThrownBy(() -> parser.parse(yaml))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.field()).isEqualTo("receivers[0].webhook_configs[0]");
              assertThat(e.line()).isEqualTo(6);
            })
        .hasMessage(
            "receivers[0].webhook_configs[0] (line 6): one of url or url_file must be configured");
  }

  @Test
  void neverEchoesASecretUrlInAnError() {
    String yaml =
        "route: {receiver: r}\nreceivers: [{name: r, webhook_configs: [{url: 'ftp://user:s3cret@host/x'}]}]\n";

    assertThatThrownBy(() -> parser.parse(yaml)).hasMessageNotContaining("s3cret");
    assertThat(
            new WebhookConfig("http://h/?token=s3cret", true, 0, HttpClientConfig.DEFAULT)
                .toString())
        .doesNotContain("s3cret");
  }

  @Test
  void refusesFileSettingsInATenantConfig() {
    String yaml =
        "route: {receiver: r}\nreceivers: [{name: r, slack_configs: [{api_url_file: /etc/passwd}]}]\n";

    assertThatThrownBy(() -> parser.parse(yaml)).hasMessageContaining("file paths are not allowed");
  }

  private static String testdata(String name) throws IOException {
    try (InputStream in = ConfigParserTest.class.getResourceAsStream("/config/" + name)) {
      if (in == null) {
        throw new IOException("no test file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
