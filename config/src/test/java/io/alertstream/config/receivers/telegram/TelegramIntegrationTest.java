package io.alertstream.config.receivers.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

class TelegramIntegrationTest {

  private static TelegramConfig parse(String global, String entry) throws Exception {
    return new ConfigParser()
        .parse(
            global
                + "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  telegram_configs:\n  - "
                + entry
                + "\n")
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(TelegramConfig.class);
  }

  private static TelegramConfig parse(String entry) throws Exception {
    return parse("", entry);
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    TelegramConfig c = parse("{bot_token: '123:tok', chat_id: -1001234}");

    assertThat(c.apiUrl().toString()).isEqualTo("https://api.telegram.org");
    assertThat(c.botToken().value()).isEqualTo("123:tok");
    assertThat(c.chatId()).isEqualTo(-1001234L);
    assertThat(c.messageThreadId()).isZero();
    assertThat(c.message()).isEqualTo("{{ template \"telegram.default.message\" . }}");
    assertThat(c.disableNotifications()).isFalse();
    assertThat(c.parseMode()).isEqualTo("HTML");
    assertThat(c.sendResolved()).isTrue();
  }

  @Test
  void everySettingIsRead() throws Exception {
    TelegramConfig c =
        parse(
            "{bot_token: t, chat_id: 42, message_thread_id: 7, message: M, api_url:"
                + " 'https://tg.example', disable_notifications: true, parse_mode: '',"
                + " send_resolved: false}");

    assertThat(c.apiUrl().toString()).isEqualTo("https://tg.example");
    assertThat(c.messageThreadId()).isEqualTo(7);
    assertThat(c.message()).isEqualTo("M");
    assertThat(c.disableNotifications()).isTrue();
    assertThat(c.parseMode()).isEmpty();
    assertThat(c.sendResolved()).isFalse();
  }

  @Test
  void theGlobalApiUrlAndBotTokenAreFallbacks() throws Exception {
    TelegramConfig c =
        parse(
            "global: {telegram_api_url: 'https://tg.internal', telegram_bot_token: gtok}\n",
            "{chat_id: 42}");

    assertThat(c.apiUrl().toString()).isEqualTo("https://tg.internal");
    assertThat(c.botToken().value()).isEqualTo("gtok");
  }

  @Test
  void aBotTokenIsRequired() {
    assertThatThrownBy(() -> parse("{chat_id: 12345}"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("telegram_configs[0]")
        .hasMessageEndingWith("missing bot_token or bot_token_file on telegram_config");
  }

  @Test
  void aChatIdIsRequired() {
    assertThatThrownBy(() -> parse("{bot_token: t}"))
        .hasMessageContaining("telegram_configs[0]")
        .hasMessageEndingWith("missing chat_id or chat_id_file on telegram_config");
    assertThatThrownBy(() -> parse("{bot_token: t, chat_id: 0}"))
        .hasMessageEndingWith("missing chat_id or chat_id_file on telegram_config");
  }

  @Test
  void aChatIdMustBeANumber() {
    assertThatThrownBy(() -> parse("{bot_token: t, chat_id: '@channel'}"))
        .hasMessageContaining("chat_id")
        .hasMessageEndingWith("cannot unmarshal !!str `@channel` into int64");
  }

  @Test
  void anUnknownParseModeIsRefused() {
    assertThatThrownBy(() -> parse("{bot_token: t, chat_id: 1, parse_mode: BBCode}"))
        .hasMessageContaining("parse_mode")
        .hasMessageEndingWith(
            "unknown parse_mode on telegram_config, must be Markdown, MarkdownV2, HTML or empty"
                + " string");
  }

  @Test
  void filesAreRefusedAndBothAtOnceAsAlertmanagerRefusesThem() {
    assertThatThrownBy(() -> parse("{bot_token_file: /etc/tg, chat_id: 1}"))
        .hasMessageContaining("bot_token_file")
        .hasMessageContaining("file paths are not allowed");
    assertThatThrownBy(() -> parse("{bot_token: t, chat_id_file: /etc/chat}"))
        .hasMessageContaining("chat_id_file")
        .hasMessageContaining("file paths are not allowed");
    assertThatThrownBy(() -> parse("{bot_token: t, bot_token_file: /etc/tg, chat_id: 1}"))
        .hasMessageEndingWith("at most one of bot_token & bot_token_file must be configured");
    assertThatThrownBy(() -> parse("global: {telegram_bot_token_file: /etc/tg}\n", "{chat_id: 1}"))
        .hasMessageContaining("telegram_bot_token_file")
        .hasMessageContaining("file paths are not allowed");
  }

  @Test
  void toStringHidesTheToken() throws Exception {
    assertThat(parse("{bot_token: '123:sup3rs3cret', chat_id: 1}").toString())
        .doesNotContain("sup3rs3cret")
        .contains("<secret>");
  }
}
