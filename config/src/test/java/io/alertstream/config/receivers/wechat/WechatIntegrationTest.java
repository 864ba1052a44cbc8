package io.alertstream.config.receivers.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.alertstream.config.ConfigParser;
import java.net.URI;
import org.junit.jupiter.api.Test;

class WechatIntegrationTest {

  private static WechatConfig parse(String global, String entry) throws Exception {
    return new ConfigParser()
        .parse(
            (global.isEmpty() ? "" : "global: " + global + "\n")
                + "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  wechat_configs:\n  - "
                + entry
                + "\n")
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(WechatConfig.class);
  }

  private static Throwable refusal(String global, String entry) {
    return catchThrowable(() -> parse(global, entry));
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    WechatConfig wc = parse("", "{api_secret: s, corp_id: c}");

    assertThat(wc.apiUrl()).isEqualTo(URI.create("https://qyapi.weixin.qq.com/cgi-bin/"));
    assertThat(wc.sendResolved()).isFalse();
    assertThat(wc.messageType()).isEqualTo("text");
    assertThat(wc.message()).isEqualTo("{{ template \"wechat.default.message\" . }}");
    assertThat(wc.toUser()).isEqualTo("{{ template \"wechat.default.to_user\" . }}");
    assertThat(wc.toParty()).isEqualTo("{{ template \"wechat.default.to_party\" . }}");
    assertThat(wc.toTag()).isEqualTo("{{ template \"wechat.default.to_tag\" . }}");
    assertThat(wc.agentId()).isEqualTo("{{ template \"wechat.default.agent_id\" . }}");
  }

  @Test
  void theGlobalSecretCorpIdAndUrlAreFallbacks() throws Exception {
    WechatConfig wc =
        parse(
            "{wechat_api_secret: g-s, wechat_api_corp_id: g-c, wechat_api_url: 'https://wx.example/api'}",
            "{message_type: markdown, to_user: '@all', agent_id: '1000002', send_resolved: true}");

    assertThat(wc.apiSecret().value()).isEqualTo("g-s");
    assertThat(wc.corpId()).isEqualTo("g-c");
    assertThat(wc.apiUrl()).isEqualTo(URI.create("https://wx.example/api/"));
    assertThat(wc.messageType()).isEqualTo("markdown");
    assertThat(wc.toUser()).isEqualTo("@all");
    assertThat(wc.agentId()).isEqualTo("1000002");
    assertThat(wc.sendResolved()).isTrue();
  }

  @Test
  void aSecretAndACorpIdAreRequired() {
    assertThat(refusal("", "{corp_id: c}"))
        .hasMessageContaining("wechat_configs[0]")
        .hasMessageContaining("no global Wechat Api Secret set either inline or in a file");
    assertThat(refusal("", "{api_secret: s}"))
        .hasMessageContaining("wechat_configs[0]")
        .hasMessageContaining("no global Wechat CorpID set");
  }

  @Test
  void onlyTextAndMarkdownMessages() {
    assertThat(refusal("", "{api_secret: s, corp_id: c, message_type: news}"))
        .hasMessageContaining("message_type")
        .hasMessageContaining(
            "weChat message type \"news\" does not match valid options ^(text|markdown)$");
  }

  @Test
  void secretFilesAreRefused() {
    assertThat(refusal("", "{corp_id: c, api_secret_file: /s}"))
        .hasMessageContaining("api_secret_file")
        .hasMessageContaining("file paths are not allowed");
    assertThat(refusal("", "{corp_id: c, api_secret: s, api_secret_file: /s}"))
        .hasMessageContaining("at most one of api_secret & api_secret_file must be configured");
    assertThat(refusal("{wechat_api_secret_file: /s}", "{corp_id: c}"))
        .hasMessageContaining("wechat_api_secret_file");
  }

  @Test
  void unknownFieldsAreRefused() {
    assertThat(refusal("", "{api_secret: s, corp_id: c, safe: 1}"))
        .hasMessageContaining("field safe not found");
  }

  @Test
  void toStringHidesTheSecret() throws Exception {
    assertThat(parse("", "{api_secret: s3cret, corp_id: corp-1}").toString())
        .doesNotContain("s3cret")
        .contains("corp-1");
  }
}
