package io.alertstream.config.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.ConfigParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrationIdTest {

  private static List<Integration> integrations(String receivers) throws Exception {
    return new ConfigParser()
        .parse("route:\n  receiver: team\nreceivers:\n  - name: team\n" + receivers)
        .receiver("team")
        .orElseThrow()
        .integrations();
  }

  private static String slack(String channel, String url) {
    return "      - api_url: '" + url + "'\n        channel: '" + channel + "'\n";
  }

  @Test
  void anIntegrationKeepsItsIdWhenItMovesAndTheOtherGetsItsOwn() throws Exception {
    String a = slack("#a", "https://hooks.slack.com/services/T/B/a");
    String b = slack("#b", "https://hooks.slack.com/services/T/B/b");

    List<Integration> before = integrations("    slack_configs:\n" + a + b);
    List<Integration> after = integrations("    slack_configs:\n" + b + a);

    assertThat(before.get(0).id()).isEqualTo(after.get(1).id());
    assertThat(before.get(1).id()).isEqualTo(after.get(0).id());
    assertThat(before.get(0).id()).isNotEqualTo(before.get(1).id()).startsWith("slack-");
    assertThat(after.get(0).settings(SlackConfig.class).fields()).containsEntry("channel", "#b");
  }

  @Test
  void anyChangedSettingSecretOrNotMakesAnotherIntegration() throws Exception {
    String base =
        integrations("    slack_configs:\n" + slack("#a", "https://hooks.slack.com/x")).get(0).id();

    assertThat(
            integrations("    slack_configs:\n" + slack("#other", "https://hooks.slack.com/x"))
                .get(0)
                .id())
        .isNotEqualTo(base);
    assertThat(
            integrations("    slack_configs:\n" + slack("#a", "https://hooks.slack.com/y"))
                .get(0)
                .id())
        .isNotEqualTo(base);
    assertThat(
            integrations("    slack_configs:\n" + slack("#a", "https://hooks.slack.com/x"))
                .get(0)
                .id())
        .isEqualTo(base);
  }

  @Test
  void theSameSettingsUnderAnotherReceiverNameAreAnotherIntegration() {
    WebhookConfig hook =
        new WebhookConfig("http://hooks.example.com/s3cret", true, 0, HttpClientConfig.DEFAULT);

    String id = IntegrationId.of("team", "webhook", hook);

    assertThat(IntegrationId.of("other", "webhook", hook)).isNotEqualTo(id);
    assertThat(id).matches("webhook-[0-9a-f]{20}");
  }
}
