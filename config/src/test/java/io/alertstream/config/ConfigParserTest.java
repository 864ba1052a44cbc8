package io.alertstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigParserTest {

  private final ConfigParser parser = new ConfigParser();

  @Test
  void readsTheRootReceiverAndItsWebhooks() throws Exception {
    AlertmanagerConfig config = parser.parse(testdata("webhook.good.yml"));

    assertThat(config.rootReceiver()).isEqualTo("team-x");
    assertThat(config.resolveTimeout()).isEqualTo(Duration.ofMinutes(2));
    ReceiverConfig receiver = config.receiver("team-x").orElseThrow();
    assertThat(receiver.webhookConfigs()).hasSize(2);
    assertThat(receiver.webhookConfigs().get(0).url().toString())
        .isEqualTo("http://hooks.example.com/alerts?token=s3cret");
    assertThat(receiver.webhookConfigs().get(0).sendResolved()).isTrue();
    assertThat(receiver.webhookConfigs().get(1).sendResolved()).isFalse();
    assertThat(receiver.webhookConfigs().get(1).maxAlerts()).isEqualTo(10);
  }

  @Test
  void defaultsResolveTimeoutToFiveMinutes() throws Exception {
    AlertmanagerConfig config = parser.parse("route: {receiver: r}\nreceivers: [{name: r}]\n");

    assertThat(config.resolveTimeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "no-root-route.bad.yml, route",
    "no-root-receiver.bad.yml, route.receiver",
    "undefined-receiver.bad.yml, route.receiver",
    "duplicate-receiver.bad.yml, receivers[1].name",
    "webhook-without-url.bad.yml, receivers[0].webhook_configs[0].url",
    "webhook-url-file.bad.yml, receivers[0].webhook_configs[0].url_file",
    "bad-resolve-timeout.bad.yml, global.resolve_timeout",
  })
  void refusesABrokenConfigNamingTheField(String file, String field) {
    assertThatThrownBy(() -> parser.parse(testdata(file)))
        .isInstanceOfSatisfying(
            InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageStartingWith(field + ": ");
  }

  @Test
  void neverEchoesAWebhookUrlInAnError() {
    String yaml =
        "route: {receiver: r}\n"
            + "receivers: [{name: r, webhook_configs: [{url: 'ftp://user:s3cret@host/x'}]}]\n";

    assertThatThrownBy(() -> parser.parse(yaml)).hasMessageNotContaining("s3cret");
    assertThat(new WebhookConfig(java.net.URI.create("http://h/?token=s3cret"), true, 0).toString())
        .doesNotContain("s3cret");
  }

  @Test
  void refusesAnEmptyConfig() {
    assertThatThrownBy(() -> parser.parse("  ")).hasMessageContaining("empty");
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
