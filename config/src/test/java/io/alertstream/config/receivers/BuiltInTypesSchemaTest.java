package io.alertstream.config.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.ConfigWarning;
import io.alertstream.config.InvalidConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keys current Alertmanager added to the webhook, email, PagerDuty and Slack configs. */
class BuiltInTypesSchemaTest {

  private static AlertmanagerConfig parse(String global, String entries)
      throws InvalidConfigException {
    return new ConfigParser()
        .parse(
            (global.isEmpty() ? "" : "global:\n" + global)
                + "route: {receiver: r}\nreceivers:\n- name: r\n"
                + entries);
  }

  private static <C> C first(AlertmanagerConfig config, Class<C> type) {
    return config.receiver("r").orElseThrow().configs(type).get(0);
  }

  private static String refusal(String global, String entries) {
    try {
      parse(global, entries);
    } catch (InvalidConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + entries);
  }

  @Test
  void aWebhookTimeoutIsAGoDurationTheSenderHonours() throws Exception {
    WebhookConfig webhook =
        first(
            parse("", "  webhook_configs:\n  - {url: 'http://h/', timeout: 1m30s}\n"),
            WebhookConfig.class);

    assertThat(webhook.http().timeout()).contains(Duration.ofSeconds(90));
    assertThat(
            first(
                    parse("", "  webhook_configs:\n  - {url: 'http://h/', timeout: 1.5s}\n"),
                    WebhookConfig.class)
                .http()
                .timeout())
        .contains(Duration.ofMillis(1500));
    assertThat(refusal("", "  webhook_configs:\n  - {url: 'http://h/', timeout: 1d}\n"))
        .isEqualTo(
            "receivers[0].webhook_configs[0].timeout (line 5): time: unknown unit \"d\" in"
                + " duration \"1d\"");
    assertThat(refusal("", "  webhook_configs:\n  - {url: 'http://h/', timeout: 30}\n"))
        .endsWith("time: missing unit in duration \"30\"");
  }

  @Test
  void aWebhookNeedsAnInlineUrlWhichMayBeATemplateAndMayHaveAPayload() throws Exception {
    assertThat(refusal("", "  webhook_configs:\n  - {max_alerts: 1}\n"))
        .endsWith("one of url or url_file must be configured");
    assertThat(refusal("", "  webhook_configs:\n  - {url_file: /etc/url}\n"))
        .startsWith("receivers[0].webhook_configs[0].url_file (line 5): file paths are not");
    assertThat(refusal("", "  webhook_configs:\n  - {url: 'http://h/', url_file: /u}\n"))
        .endsWith("at most one of url & url_file must be configured");
    assertThat(refusal("", "  webhook_configs:\n  - url: 'ftp://h/s3cret'\n"))
        .contains("unsupported scheme")
        .doesNotContain("s3cret");

    WebhookConfig templated =
        first(
            parse(
                "",
                "  webhook_configs:\n  - url: 'http://h/{{ .GroupLabels.team }}?token=s3cret'\n"
                    + "    payload: {text: '{{ .Status }}', tags: [a, '{{ len .Alerts }}']}\n"),
            WebhookConfig.class);
    assertThat(templated.templatedUrl()).isTrue();
    assertThat(templated.payload())
        .hasValue(
            java.util.Map.of(
                "text", "{{ .Status }}", "tags", java.util.List.of("a", "{{ len .Alerts }}")));
    assertThat(templated.toString()).doesNotContain("s3cret");
  }

  @Test
  void emailTakesItsTlsAndImplicitTlsFromTheEntryOrTheGlobals() throws Exception {
    AlertmanagerConfig config =
        parse(
            "  smtp_smarthost: 'mail:587'\n  smtp_from: a@b\n"
                + "  smtp_tls_config: {insecure_skip_verify: true}\n"
                + "  smtp_force_implicit_tls: true\n",
            "  email_configs:\n  - {to: x@y}\n"
                + "  - to: x@y\n    smarthost: 'mail:465'\n    force_implicit_tls: false\n"
                + "    tls_config: {ca: PEM, min_version: TLS12}\n");
    var emails = config.receiver("r").orElseThrow().configs(EmailConfig.class);

    assertThat(emails.get(0).tls().insecureSkipVerify()).isTrue();
    assertThat(emails.get(0).implicitTls()).isTrue();
    assertThat(emails.get(1).tls())
        .isEqualTo(new TlsConfig(false, Optional.of("PEM"), "TLS12", ""));
    assertThat(emails.get(1).implicitTls()).isFalse();
  }

  @Test
  void emailWithoutForceImplicitTlsDecidesByThePort() throws Exception {
    var emails =
        parse(
                "  smtp_from: a@b\n",
                "  email_configs:\n  - {to: x@y, smarthost: 'mail:465'}\n"
                    + "  - {to: x@y, smarthost: 'mail:25'}\n")
            .receiver("r")
            .orElseThrow()
            .configs(EmailConfig.class);

    assertThat(emails.get(0).forceImplicitTls()).isEmpty();
    assertThat(emails.get(0).implicitTls()).isTrue();
    assertThat(emails.get(1).implicitTls()).isFalse();
  }

  @Test
  void emailThreadingIsCheckedAndKept() throws Exception {
    String global = "  smtp_smarthost: 'mail:25'\n  smtp_from: a@b\n";
    AlertmanagerConfig config =
        parse(
            global,
            "  email_configs:\n  - to: x@y\n    threading: {enabled: true, thread_by_date: daily}\n");

    assertThat(config.warnings()).isEmpty();
    assertThat(first(config, EmailConfig.class).threadBy()).hasValue("daily");
    assertThat(
            first(
                    parse(
                        global, "  email_configs:\n  - to: x@y\n    threading: {enabled: false}\n"),
                    EmailConfig.class)
                .threadBy())
        .isEmpty();
    assertThat(refusal(global, "  email_configs:\n  - to: x@y\n    threading: {enabled: true}\n"))
        .endsWith("threading.thread_by_date must be either 'none' or 'daily'");
    assertThat(
            refusal(
                global,
                "  email_configs:\n  - to: x@y\n    headers: {references: r}\n"
                    + "    threading: {enabled: true, thread_by_date: none}\n"))
        .endsWith(
            "conflicting configuration: threading.enabled conflicts with custom References"
                + " header");
  }

  @Test
  void emailSecretFilesAndBadSmarthostsAreRefused() {
    String global = "  smtp_from: a@b\n";
    assertThat(
            refusal(
                global,
                "  email_configs:\n  - {to: x@y, smarthost: 'h:1', auth_secret_file: /s}\n"))
        .startsWith("receivers[0].email_configs[0].auth_secret_file (line 7): file paths");
    assertThat(refusal("  smtp_auth_secret_file: /s\n", "")).contains("smtp_auth_secret_file");
    assertThat(refusal(global, "  email_configs:\n  - {to: x@y, smarthost: 'h:'}\n"))
        .endsWith("address \"h:\": port cannot be empty");
    assertThat(
            refusal(
                global,
                "  email_configs:\n  - {to: x@y, smarthost: 'h:1', tls_config: {ca_file: /c}}\n"))
        .contains("email_configs[0].tls_config.ca_file");
  }

  @Test
  void pagerdutyTakesATimeoutAndRefusesStructuredDetails() throws Exception {
    PagerdutyConfig pd =
        first(
            parse("", "  pagerduty_configs:\n  - {routing_key: k, timeout: 10s}\n"),
            PagerdutyConfig.class);

    assertThat(pd.http().timeout()).contains(Duration.ofSeconds(10));
    assertThat(
            refusal(
                "", "  pagerduty_configs:\n  - routing_key: k\n    details: {team: {name: a}}\n"))
        .startsWith("receivers[0].pagerduty_configs[0].details.team (line 6): details values");
  }

  @Test
  void aSlackAppTokenPostsToTheAppUrlWithABearerToken() throws Exception {
    SlackConfig slack =
        first(
            parse("", "  slack_configs:\n  - {app_token: xoxb-1, channel: '#a', timeout: 5s}\n"),
            SlackConfig.class);

    assertThat(slack.apiUrl()).isEqualTo(URI.create("https://slack.com/api/chat.postMessage"));
    assertThat(slack.http().authorization().orElseThrow().value()).isEqualTo("Bearer xoxb-1");
    assertThat(slack.http().timeout()).contains(Duration.ofSeconds(5));
    assertThat(slack.toString()).doesNotContain("xoxb-1");
  }

  @Test
  void theGlobalSlackAppTokenAndUrlAreTheFallbacks() throws Exception {
    SlackConfig slack =
        first(
            parse(
                "  slack_app_token: xoxb-g\n  slack_app_url: 'https://slack.internal/api/post'\n",
                "  slack_configs:\n  - {channel: '#a'}\n"),
            SlackConfig.class);

    assertThat(slack.apiUrl()).isEqualTo(URI.create("https://slack.internal/api/post"));
    assertThat(slack.http().authorization().orElseThrow().value()).isEqualTo("Bearer xoxb-g");
    SlackConfig webhook =
        first(
            parse(
                "  slack_app_token: xoxb-g\n",
                "  slack_configs:\n  - {api_url: 'https://hooks.slack.com/services/T/B/X'}\n"),
            SlackConfig.class);
    assertThat(webhook.apiUrl().getHost()).isEqualTo("hooks.slack.com");
    assertThat(webhook.http().authorization()).isEmpty();
  }

  @Test
  void slackIsRefusedAsAlertmanagerRefusesIt() {
    assertThat(refusal("", "  slack_configs:\n  - {api_url: 'https://h/', app_token: t}\n"))
        .endsWith(
            "at most one of api_url/api_url_file & app_token/app_token_file must be configured");
    assertThat(refusal("", "  slack_configs:\n  - {app_token_file: /t}\n"))
        .startsWith("receivers[0].slack_configs[0].app_token_file (line 5): file paths");
    assertThat(
            refusal(
                "",
                "  slack_configs:\n  - app_token: t\n"
                    + "    http_config: {authorization: {credentials: c}}\n"))
        .endsWith("http authorization can't be set when using Slack App tokens");
    assertThat(refusal("  slack_api_url: 'https://hooks.slack.com/x'\n  slack_app_token: t\n", ""))
        .endsWith(
            "at most one of slack_app_token/slack_app_token_file & slack_api_url/slack_api_url_file"
                + " must be configured");
    assertThat(refusal("", "  slack_configs:\n  - {app_token: t, update_message: true}\n"))
        .endsWith(
            "update_message can only be used with bot tokens. api_url must be set to"
                + " https://slack.com/api/chat.postMessage");
    assertThat(
            refusal("", "  slack_configs:\n  - api_url: 'https://h/'\n    fields: [{title: t}]\n"))
        .endsWith("missing value in Slack field configuration");
    assertThat(
            refusal(
                "",
                "  slack_configs:\n  - api_url: 'https://h/'\n"
                    + "    actions: [{type: button, url: 'https://x'}]\n"))
        .endsWith("missing text in Slack action configuration");
  }

  @Test
  void slackKeysTheNotifierDoesNotActOnAreWarnedAbout() throws Exception {
    AlertmanagerConfig config =
        parse(
            "",
            "  slack_configs:\n  - api_url: 'https://slack.com/api/chat.postMessage'\n"
                + "    http_config: {authorization: {credentials: xoxb-1}}\n"
                + "    message_text: hi\n    update_message: true\n"
                + "    actions:\n    - {type: button, text: Ack, name: ack, value: 'y',"
                + " confirm: {text: Sure}}\n"
                + "    - {type: button, text: Run, url: 'https://r', name: ignored}\n");

    assertThat(config.warnings())
        .extracting(ConfigWarning::field)
        .containsExactlyInAnyOrder(
            "receivers[0].slack_configs[0].actions[0].confirm",
            "receivers[0].slack_configs[0].update_message");
    SlackConfig slack = first(config, SlackConfig.class);
    assertThat(slack.actions().get(1).name()).isEmpty();
    assertThat(slack.actions().get(0).name()).isEqualTo("ack");
    assertThat(slack.fields()).containsEntry("message_text", "hi");
  }
}
