package io.alertstream.config.receivers.mattermost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MattermostIntegrationTest {

  private static AlertmanagerConfig parse(String global, String entry) throws Exception {
    return new ConfigParser()
        .parse(
            (global.isEmpty() ? "" : "global: " + global + "\n")
                + "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  mattermost_configs:\n  - "
                + entry
                + "\n");
  }

  private static MattermostConfig settings(String global, String entry) throws Exception {
    return parse(global, entry)
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(MattermostConfig.class);
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    MattermostConfig c = settings("", "{webhook_url: 'https://mm.example/hooks/k3y'}");

    assertThat(c.sendResolved()).isTrue();
    assertThat(c.webhookUrl().toString()).isEqualTo("https://mm.example/hooks/k3y");
    assertThat(c.texts())
        .containsEntry("username", "{{ template \"mattermost.default.username\" . }}")
        .containsEntry("color", "{{ template \"mattermost.default.color\" . }}")
        .containsEntry("text", "{{ template \"mattermost.default.text\" . }}")
        .containsEntry("title", "{{ template \"mattermost.default.title\" . }}")
        .containsEntry("title_link", "{{ template \"mattermost.default.titlelink\" . }}")
        .containsEntry("fallback", "{{ template \"mattermost.default.fallback\" . }}")
        .doesNotContainKey("channel");
    assertThat(c.priority()).isEmpty();
    assertThat(c.propsCard()).isEmpty();
    assertThat(c.attachments()).isEmpty();
  }

  @Test
  void theGlobalWebhookUrlIsTheFallback() throws Exception {
    MattermostConfig c =
        settings("{mattermost_webhook_url: 'https://mm.example/hooks/global'}", "{channel: ops}");

    assertThat(c.webhookUrl().getPath()).isEqualTo("/hooks/global");
    assertThat(c.texts()).containsEntry("channel", "ops");
  }

  @Test
  void everyKeyIsRead() throws Exception {
    MattermostConfig c =
        settings(
            "",
            "{webhook_url: 'https://mm.example/h', send_resolved: false, type: custom,"
                + " fields: [{title: T, value: V, short: true}, {title: U, value: W}],"
                + " attachments: [{title: A, text: B, fields: [{title: X, value: Y}]}],"
                + " props: {card: C}, priority: {priority: urgent, requested_ack: true,"
                + " persistent_notifications: true}}");

    assertThat(c.sendResolved()).isFalse();
    assertThat(c.texts()).containsEntry("type", "custom");
    assertThat(c.fields())
        .containsExactly(
            new MattermostConfig.Field("T", "V", Optional.of(true)),
            new MattermostConfig.Field("U", "W", Optional.empty()));
    assertThat(c.attachments()).hasSize(1);
    assertThat(c.attachments().get(0).texts()).containsEntry("title", "A");
    assertThat(c.attachments().get(0).fields()).hasSize(1);
    assertThat(c.propsCard()).isEqualTo("C");
    assertThat(c.priority()).contains(new MattermostConfig.Priority("urgent", true, true));
  }

  @Test
  void withoutAnyWebhookUrlTheEntryIsRefused() {
    assertThatThrownBy(() -> parse("", "{channel: ops}"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("mattermost_configs[0]")
        .hasMessageContaining("missing webhook_url or webhook_url_file on mattermost_config");
  }

  @Test
  void theUrlFileIsRefusedAndBothAtOnceToo() {
    assertThatThrownBy(() -> parse("", "{webhook_url_file: /etc/hook}"))
        .hasMessageContaining("mattermost_configs[0].webhook_url_file")
        .hasMessageContaining("file paths are not allowed");
    assertThatThrownBy(() -> parse("", "{webhook_url: 'https://a.example/', webhook_url_file: /x}"))
        .hasMessageContaining("at most one of webhook_url & webhook_url_file must be configured");
    assertThatThrownBy(() -> parse("{mattermost_webhook_url_file: /x}", "{channel: ops}"))
        .hasMessageContaining("mattermost_webhook_url_file")
        .hasMessageContaining("file paths are not allowed");
  }

  @Test
  void aFieldNeedsTitleAndValue() {
    assertThatThrownBy(() -> parse("", "{webhook_url: 'https://a.example/', fields: [{value: v}]}"))
        .hasMessageContaining("fields[0]")
        .hasMessageContaining("missing title in Mattermost field configuration");
    assertThatThrownBy(
            () ->
                parse(
                    "",
                    "{webhook_url: 'https://a.example/', attachments: [{fields: [{title: t}]}]}"))
        .hasMessageContaining("attachments[0].fields[0]")
        .hasMessageContaining("missing value in Mattermost field configuration");
  }

  @Test
  void aBadUrlOrUnknownKeyIsRefusedWithoutEchoingTheUrl() {
    assertThatThrownBy(() -> parse("", "{webhook_url: 'ftp://mm.example/hooks/s3cret'}"))
        .hasMessageContaining("webhook_url")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> parse("", "{webhook_url: 'https://a.example/', colour: red}"))
        .hasMessageContaining("field colour not found");
  }

  @Test
  void toStringHidesTheWebhookUrl() throws Exception {
    assertThat(settings("", "{webhook_url: 'https://mm.example/hooks/s3cret'}").toString())
        .doesNotContain("s3cret")
        .contains("<secret>");
  }
}
