package io.alertstream.config.receivers.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RocketchatIntegrationTest {

  private static AlertmanagerConfig parse(String global, String entry) throws Exception {
    return new ConfigParser()
        .parse(
            (global.isEmpty() ? "" : "global: " + global + "\n")
                + "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  rocketchat_configs:\n  - "
                + entry
                + "\n");
  }

  private static RocketchatConfig settings(String global, String entry) throws Exception {
    return parse(global, entry)
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(RocketchatConfig.class);
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    RocketchatConfig c = settings("", "{token_id: uid, token: t0k3n}");

    assertThat(c.apiUrl().toString()).isEqualTo("https://open.rocket.chat/");
    assertThat(c.sendResolved()).isFalse();
    assertThat(c.tokenId().value()).isEqualTo("uid");
    assertThat(c.token().value()).isEqualTo("t0k3n");
    assertThat(c.texts())
        .containsEntry("color", "{{ if eq .Status \"firing\" }}red{{ else }}green{{ end }}")
        .containsEntry("emoji", "{{ template \"rocketchat.default.emoji\" . }}")
        .containsEntry("icon_url", "{{ template \"rocketchat.default.iconurl\" . }}")
        .containsEntry("text", "{{ template \"rocketchat.default.text\" . }}")
        .containsEntry("title", "{{ template \"rocketchat.default.title\" . }}")
        .containsEntry("title_link", "{{ template \"rocketchat.default.titlelink\" . }}")
        .doesNotContainKey("channel");
    assertThat(c.shortFields()).isFalse();
  }

  @Test
  void globalsAreTheFallbacks() throws Exception {
    RocketchatConfig c =
        settings(
            "{rocketchat_api_url: 'https://chat.example/', rocketchat_token: gt,"
                + " rocketchat_token_id: gid}",
            "{channel: '#ops'}");

    assertThat(c.apiUrl().toString()).isEqualTo("https://chat.example/");
    assertThat(c.token().value()).isEqualTo("gt");
    assertThat(c.tokenId().value()).isEqualTo("gid");
    assertThat(
            settings("{rocketchat_token: gt, rocketchat_token_id: gid}", "{token: own}")
                .token()
                .value())
        .isEqualTo("own");
  }

  @Test
  void fieldsAndActionsAreRead() throws Exception {
    RocketchatConfig c =
        settings(
            "",
            "{token_id: u, token: t, short_fields: true, link_names: true,"
                + " fields: [{title: A, value: B, short: false}, {title: C}],"
                + " actions: [{type: button, text: Go, url: 'http://x/', msg: m, iswebview: true}]}");

    assertThat(c.fields())
        .containsExactly(
            new RocketchatConfig.Field("A", "B", Optional.of(false)),
            new RocketchatConfig.Field("C", "", Optional.empty()));
    assertThat(c.actions()).isEqualTo(List.of(new RocketchatConfig.Action("Go", "http://x/", "m")));
    assertThat(c.shortFields()).isTrue();
    assertThat(c.linkNames()).isTrue();
  }

  @Test
  void withoutTokenIdOrTokenTheEntryIsRefused() {
    assertThatThrownBy(() -> parse("", "{token: t}"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("rocketchat_configs[0]")
        .hasMessageContaining("no global Rocketchat TokenID set either inline or in a file");
    assertThatThrownBy(() -> parse("", "{token_id: u}"))
        .hasMessageContaining("rocketchat_configs[0]")
        .hasMessageContaining("no global Rocketchat Token set either inline or in a file");
  }

  @Test
  void fileVariantsAreRefused() {
    assertThatThrownBy(() -> parse("", "{token_id: u, token_file: /t}"))
        .hasMessageContaining("rocketchat_configs[0].token_file")
        .hasMessageContaining("file paths are not allowed");
    assertThatThrownBy(() -> parse("", "{token_id: u, token: t, token_id_file: /t}"))
        .hasMessageContaining("at most one of token_id & token_id_file must be configured");
    assertThatThrownBy(() -> parse("{rocketchat_token: a, rocketchat_token_file: /b}", "{}"))
        .hasMessageContaining(
            "at most one of rocketchat_token & rocketchat_token_file must be configured");
  }

  @Test
  void aBadApiUrlAndUnknownKeysAreRefused() {
    assertThatThrownBy(() -> parse("", "{token_id: u, token: t, api_url: 'chat.example'}"))
        .hasMessageContaining("api_url")
        .hasMessageContaining("unsupported scheme");
    assertThatThrownBy(
            () -> parse("", "{token_id: u, token: t, actions: [{text: a, colour: red}]}"))
        .hasMessageContaining("field colour not found");
  }

  @Test
  void toStringHidesTheTokens() throws Exception {
    assertThat(settings("", "{token_id: us3r, token: s3cret}").toString())
        .doesNotContain("s3cret")
        .doesNotContain("us3r")
        .contains("<secret>");
  }
}
