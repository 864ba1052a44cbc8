package io.alertstream.config.receivers.pushover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.alertstream.config.ConfigParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushoverIntegrationTest {

  private static PushoverConfig parse(String entry) throws Exception {
    return new ConfigParser()
        .parse(
            "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  pushover_configs:\n  - "
                + entry
                + "\n")
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(PushoverConfig.class);
  }

  private static Throwable refusal(String entry) {
    return catchThrowable(() -> parse(entry));
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    PushoverConfig po = parse("{user_key: u, token: t}");

    assertThat(po.sendResolved()).isTrue();
    assertThat(po.title()).isEqualTo("{{ template \"pushover.default.title\" . }}");
    assertThat(po.message()).isEqualTo("{{ template \"pushover.default.message\" . }}");
    assertThat(po.url()).isEqualTo("{{ template \"pushover.default.url\" . }}");
    assertThat(po.priority()).isEqualTo("{{ if eq .Status \"firing\" }}2{{ else }}0{{ end }}");
    assertThat(po.retry()).isEqualTo(Duration.ofMinutes(1));
    assertThat(po.expire()).isEqualTo(Duration.ofHours(1));
    assertThat(po.ttl()).isZero();
    assertThat(po.html()).isFalse();
    assertThat(po.monospace()).isFalse();
    assertThat(po.urlTitle()).isEmpty();
    assertThat(po.device()).isEmpty();
    assertThat(po.sound()).isEmpty();
  }

  @Test
  void durationsUseGosSyntax() throws Exception {
    PushoverConfig po =
        parse("{user_key: u, token: t, retry: 1m30s, expire: 1.5h, ttl: 90s, monospace: true}");

    assertThat(po.retry()).isEqualTo(Duration.ofSeconds(90));
    assertThat(po.expire()).isEqualTo(Duration.ofMinutes(90));
    assertThat(po.ttl()).isEqualTo(Duration.ofSeconds(90));
    assertThat(po.monospace()).isTrue();
    assertThat(refusal("{user_key: u, token: t, retry: 1d}"))
        .hasMessageContaining("retry")
        .hasMessageContaining("time: unknown unit \"d\" in duration \"1d\"");
    assertThat(refusal("{user_key: u, token: t, expire: '30'}"))
        .hasMessageContaining("expire")
        .hasMessageContaining("time: missing unit in duration \"30\"");
    assertThat(refusal("{user_key: u, token: t, ttl: soon}"))
        .hasMessageContaining("ttl")
        .hasMessageContaining("time: invalid duration \"soon\"");
  }

  @Test
  void aUserKeyAndATokenAreRequired() {
    assertThat(refusal("{token: t}"))
        .hasMessageContaining("pushover_configs[0]")
        .hasMessageContaining("one of user_key or user_key_file must be configured");
    assertThat(refusal("{user_key: u}"))
        .hasMessageContaining("pushover_configs[0]")
        .hasMessageContaining("one of token or token_file must be configured");
  }

  @Test
  void filesAreRefused() {
    assertThat(refusal("{user_key_file: /u, token: t}"))
        .hasMessageContaining("user_key_file")
        .hasMessageContaining("file paths are not allowed");
    assertThat(refusal("{user_key: u, token_file: /t}"))
        .hasMessageContaining("token_file")
        .hasMessageContaining("file paths are not allowed");
    assertThat(refusal("{user_key: u, user_key_file: /u, token: t}"))
        .hasMessageContaining("at most one of user_key & user_key_file must be configured");
    assertThat(refusal("{user_key: u, token: t, token_file: /t}"))
        .hasMessageContaining("at most one of token & token_file must be configured");
  }

  @Test
  void htmlAndMonospaceExcludeEachOther() {
    assertThat(refusal("{user_key: u, token: t, html: true, monospace: true}"))
        .hasMessageContaining("pushover_configs[0]")
        .hasMessageContaining("at most one of monospace & html must be configured");
  }

  @Test
  void unknownFieldsAreRefused() {
    assertThat(refusal("{user_key: u, token: t, api_url: 'https://p.example/'}"))
        .hasMessageContaining("field api_url not found");
  }

  @Test
  void toStringHidesTheKeys() throws Exception {
    assertThat(parse("{user_key: u-s3cret, token: t-s3cret}").toString()).doesNotContain("s3cret");
  }
}
