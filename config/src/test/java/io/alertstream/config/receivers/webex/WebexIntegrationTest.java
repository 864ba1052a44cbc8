package io.alertstream.config.receivers.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

class WebexIntegrationTest {

  private static final String AUTH = "http_config: {authorization: {credentials: s3cr3t}}";

  private static WebexConfig parse(String global, String entry) throws Exception {
    return new ConfigParser()
        .parse(
            global
                + "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  webex_configs:\n  - "
                + entry
                + "\n")
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(WebexConfig.class);
  }

  private static WebexConfig parse(String entry) throws Exception {
    return parse("", entry);
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    WebexConfig c = parse("{room_id: R1, " + AUTH + "}");

    assertThat(c.apiUrl().toString()).isEqualTo("https://webexapis.com/v1/messages");
    assertThat(c.roomId()).isEqualTo("R1");
    assertThat(c.message()).isEqualTo("{{ template \"webex.default.message\" . }}");
    assertThat(c.sendResolved()).isTrue();
    assertThat(c.http().authorization().orElseThrow().value()).isEqualTo("Bearer s3cr3t");
  }

  @Test
  void theGlobalApiUrlIsTheFallbackAndTheEntrysWins() throws Exception {
    String global = "global: {webex_api_url: 'https://webex.internal/v1/messages'}\n";
    assertThat(parse(global, "{room_id: R, " + AUTH + "}").apiUrl().toString())
        .isEqualTo("https://webex.internal/v1/messages");
    assertThat(
            parse(global, "{room_id: R, api_url: 'https://w.example/m', message: M, " + AUTH + "}")
                .apiUrl()
                .toString())
        .isEqualTo("https://w.example/m");
  }

  @Test
  void aBearerTokenCountsAsAuthorization() throws Exception {
    assertThat(parse("{room_id: R, http_config: {bearer_token: b}}").http().authorization())
        .isPresent();
  }

  @Test
  void aRoomIsRequired() {
    assertThatThrownBy(() -> parse("{" + AUTH + "}"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("webex_configs[0]")
        .hasMessageEndingWith("missing room_id on webex_config");
  }

  @Test
  void theEntrysOwnAuthorizationIsRequiredNotTheGlobalOne() {
    assertThatThrownBy(() -> parse("{room_id: R}"))
        .hasMessageContaining("webex_configs[0]")
        .hasMessageEndingWith("missing webex_configs.http_config.authorization");
    assertThatThrownBy(
            () ->
                parse("global: {http_config: {authorization: {credentials: g}}}\n", "{room_id: R}"))
        .hasMessageEndingWith("missing webex_configs.http_config.authorization");
    assertThatThrownBy(
            () -> parse("{room_id: R, http_config: {basic_auth: {username: u, password: p}}}"))
        .hasMessageEndingWith("missing webex_configs.http_config.authorization");
  }

  @Test
  void toStringHidesTheToken() throws Exception {
    assertThat(parse("{room_id: R, " + AUTH + "}").toString()).doesNotContain("s3cr3t");
  }
}
