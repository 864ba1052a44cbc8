package io.alertstream.connectors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.SlackConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.schemas.IntegrationRef;
import io.alertstream.schemas.Notification;
import org.junit.jupiter.api.Test;

class ExactIntegrationTest {

  private static final String TWO_CHANNELS =
      "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  slack_configs:\n"
          + "  - {api_url: 'https://slack.example/x', channel: '#one'}\n"
          + "  - {api_url: 'https://slack.example/x', channel: '#two'}\n";

  private static AlertmanagerConfig parse(String yaml) throws Exception {
    return new ConfigParser().parse(yaml);
  }

  /** A Slack notification naming the integration at {@code index} of {@code config}. */
  private static Notification to(AlertmanagerConfig config, int index) {
    var integration =
        config.receiver("team-x").orElseThrow().integrations().stream()
            .filter(i -> i.type().equals("slack") && i.index() == index)
            .findFirst()
            .orElseThrow();
    return Notification.newBuilder(TestNotifications.diskFull("slack"))
        .setIntegration(new IntegrationRef("slack", index, integration.id()))
        .build();
  }

  @Test
  void findsTheIntegrationByIdWhereverItIsNow() throws Exception {
    Notification second = to(parse(TWO_CHANNELS), 1);
    AlertmanagerConfig swapped =
        parse(
            "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  slack_configs:\n"
                + "  - {api_url: 'https://slack.example/x', channel: '#two'}\n"
                + "  - {api_url: 'https://slack.example/x', channel: '#one'}\n");

    var found = ExactIntegration.find(second, swapped, 2);

    assertThat(found.index()).isZero();
    assertThat(found.settings(SlackConfig.class).fields()).containsEntry("channel", "#two");
  }

  @Test
  void aChangedSettingIsAnotherIntegration() throws Exception {
    Notification first = to(parse(TWO_CHANNELS), 0);
    AlertmanagerConfig changed =
        parse(
            "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  slack_configs:\n"
                + "  - {api_url: 'https://slack.example/x', channel: '#other'}\n"
                + "  - {api_url: 'https://slack.example/x', channel: '#two'}\n");

    assertThatThrownBy(() -> ExactIntegration.find(first, changed, 3))
        .isInstanceOf(Notifier.Refusal.class)
        .hasMessage(
            "integration "
                + first.getIntegration().getId()
                + " of receiver \"team-x\" removed in config version 3");
  }

  @Test
  void aRemovedReceiverIsNamedWithTheVersion() throws Exception {
    Notification first = to(parse(TWO_CHANNELS), 0);

    assertThatThrownBy(
            () ->
                ExactIntegration.find(
                    first, parse("route: {receiver: other}\nreceivers: [{name: other}]\n"), 7))
        .isInstanceOf(Notifier.Refusal.class)
        .hasMessageStartingWith("receiver \"team-x\"")
        .hasMessageEndingWith("removed in config version 7");
  }

  @Test
  void aNotificationWithoutAnIdFindsNothing() throws Exception {
    Notification old =
        Notification.newBuilder(TestNotifications.diskFull("slack"))
            .setIntegration(new IntegrationRef("slack", 0, ""))
            .build();

    assertThatThrownBy(() -> ExactIntegration.find(old, parse(TWO_CHANNELS), 1))
        .isInstanceOf(Notifier.Refusal.class)
        .hasMessageContaining("names no integration id");
  }

  @Test
  void anIdOfAnotherTypeIsRefused() throws Exception {
    Notification slack = to(parse(TWO_CHANNELS), 0);
    Notification saysWebhook =
        Notification.newBuilder(slack)
            .setIntegration(new IntegrationRef("webhook", 0, slack.getIntegration().getId()))
            .build();

    assertThatThrownBy(() -> ExactIntegration.find(saysWebhook, parse(TWO_CHANNELS), 1))
        .isInstanceOf(Notifier.Refusal.class)
        .hasMessageContaining("is of type slack");
  }
}
