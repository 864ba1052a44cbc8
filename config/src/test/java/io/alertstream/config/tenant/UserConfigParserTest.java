package io.alertstream.config.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserConfigParserTest {

  private static final String BODY =
      """
      template_files:
        default.tmpl: '{{ define "x" }}hi{{ end }}'
      alertmanager_config: |
        route:
          receiver: team
        receivers:
          - name: team
            webhook_configs:
              - url: http://hooks.example.com/x
      """;

  private final UserConfigParser parser = new UserConfigParser();

  @Test
  void readsTheConfigAndItsTemplates() throws Exception {
    UserConfig config = parser.parse(BODY, TenantLimits.NONE);

    assertThat(config.alertmanagerConfig()).contains("receiver: team");
    assertThat(config.templateFiles()).containsOnlyKeys("default.tmpl");
  }

  @Test
  void namesTheFieldInsideTheConfigWithItsLine() {
    String body =
        "alertmanager_config: |\n  route:\n    receiver: nobody\n  receivers: [{name: team}]\n";

    assertThatThrownBy(() -> parser.parse(body, TenantLimits.NONE))
        .hasMessage(
            "alertmanager_config.route.receiver (line 2): undefined receiver \"nobody\" used in"
                + " route");
  }

  @Test
  void appliesMimirsLimits() {
    assertThatThrownBy(() -> parser.parse(BODY, new TenantLimits(20, 0, 0)))
        .hasMessageContaining("Alertmanager configuration is too big, limit: 20 bytes");
    assertThatThrownBy(() -> parser.parse(BODY, new TenantLimits(0, 0, 5)))
        .hasMessageContaining("template default.tmpl is too big: 27 bytes (limit: 5 bytes)");
    String twoTemplates = BODY.replace("template_files:\n", "template_files:\n  other.tmpl: x\n");
    assertThatThrownBy(() -> parser.parse(twoTemplates, new TenantLimits(0, 1, 0)))
        .hasMessageContaining("too many templates in the configuration: 2 (limit: 1)");
  }

  @Test
  void refusesATemplateFileThatDoesNotParseNamingTheFileAndLine() {
    String bad =
        BODY.replace(
            "'{{ define \"x\" }}hi{{ end }}'", "'{{ define \"x\" }}{{ nosuch . }}{{ end }}'");

    assertThatThrownBy(() -> parser.parse(bad, TenantLimits.NONE))
        .hasMessageContaining("template_files.default.tmpl")
        .hasMessageContaining("template: default.tmpl:1: function \"nosuch\" not defined");
  }

  @Test
  void refusesPathsAndEmptyConfigs() {
    assertThatThrownBy(
            () -> parser.parse(BODY.replace("default.tmpl", "../etc/x.tmpl"), TenantLimits.NONE))
        .hasMessageContaining("is not valid: it must be a plain file name");
    assertThatThrownBy(() -> parser.parse("template_files: {}\n", TenantLimits.NONE))
        .hasMessageContaining("configuration provided is empty");
    assertThatThrownBy(() -> parser.parse("alertmanager_config: x\nextra: 1\n", TenantLimits.NONE))
        .hasMessageContaining("field extra not found");
  }

  @Test
  void withoutAnAlertstreamSectionEverythingIsDelivered() throws Exception {
    TenantSettings settings = parser.parse(BODY, TenantLimits.NONE).settings();

    assertThat(settings).isEqualTo(TenantSettings.DEFAULT);
    assertThat(settings.anyDryRun()).isFalse();
    assertThat(settings.toYaml()).isEmpty();
  }

  @Test
  void dryRunTrueRecordsEveryIntegrationAndLeavesTheAlertmanagerConfigAsIs() throws Exception {
    UserConfig config = parser.parse(BODY + "alertstream:\n  dry_run: true\n", TenantLimits.NONE);

    assertThat(config.settings().dryRunAll()).isTrue();
    assertThat(TenantSettings.INTEGRATION_TYPES).allMatch(config.settings()::dryRun);
    assertThat(config.settings().toYaml()).containsExactly(java.util.Map.entry("dry_run", true));
    assertThat(config.alertmanagerConfig()).doesNotContain("alertstream").doesNotContain("dry_run");
  }

  @Test
  void dryRunCanNameTheIntegrationTypesItAppliesTo() throws Exception {
    TenantSettings settings =
        parser
            .parse(BODY + "alertstream: {dry_run: [slack, email, slack]}\n", TenantLimits.NONE)
            .settings();

    assertThat(settings.dryRun("slack")).isTrue();
    assertThat(settings.dryRun("email")).isTrue();
    assertThat(settings.dryRun("webhook")).isFalse();
    assertThat(settings.dryRunTypes()).containsExactly("email", "slack");
    assertThat(settings.toYaml())
        .containsExactly(java.util.Map.entry("dry_run", java.util.List.of("email", "slack")));
    assertThat(parser.parse(BODY + "alertstream: {dry_run: false}\n", TenantLimits.NONE).settings())
        .isEqualTo(TenantSettings.DEFAULT);
  }

  @Test
  void resolvedAfterSilenceNamesReceiversOfTheConfig() throws Exception {
    TenantSettings settings =
        parser
            .parse(BODY + "alertstream:\n  resolved_after_silence: [team]\n", TenantLimits.NONE)
            .settings();

    assertThat(settings.resolvedAfterSilence()).containsExactly("team");
    assertThat(settings.dryRunAll()).isFalse();
    assertThat(settings.toYaml())
        .containsExactly(java.util.Map.entry("resolved_after_silence", java.util.List.of("team")));
    assertThatThrownBy(
            () ->
                parser.parse(
                    BODY + "alertstream:\n  resolved_after_silence: [team, ops]\n",
                    TenantLimits.NONE))
        .hasMessage(
            "alertstream.resolved_after_silence[1] (line 11): no receiver named \"ops\" in"
                + " alertmanager_config");
    assertThatThrownBy(
            () ->
                parser.parse(
                    BODY + "alertstream:\n  resolved_after_silence: team\n", TenantLimits.NONE))
        .hasMessage(
            "alertstream.resolved_after_silence (line 11): must be a list of receiver names");
  }

  @Test
  void refusesAnAlertstreamSectionItDoesNotUnderstandNamingTheFieldAndLine() {
    assertThatThrownBy(
            () -> parser.parse(BODY + "alertstream:\n  dry_run: maybe\n", TenantLimits.NONE))
        .hasMessage("alertstream.dry_run (line 11): cannot unmarshal !!str `maybe` into bool");
    assertThatThrownBy(
            () -> parser.parse(BODY + "alertstream:\n  dry_run: [sms]\n", TenantLimits.NONE))
        .hasMessage(
            "alertstream.dry_run[0] (line 11): unknown integration type \"sms\" (known: webhook,"
                + " email, pagerduty, opsgenie, wechat, slack, victorops, pushover, sns, telegram,"
                + " discord, webex, msteams, msteamsv2, jira, incidentio, rocketchat, mattermost)");
    assertThatThrownBy(
            () -> parser.parse(BODY + "alertstream:\n  dryrun: true\n", TenantLimits.NONE))
        .hasMessage("alertstream.dryrun (line 11): field dryrun not found in type config.plain");
    assertThatThrownBy(
            () ->
                parser.parse(BODY + "alertstream:\n  dry_run: {slack: true}\n", TenantLimits.NONE))
        .hasMessageContaining("must be true, false or a list of integration types");
  }

  @Test
  void aSettingsDocumentHoldsOnlyTheAlertstreamSection() throws Exception {
    assertThat(TenantSettings.parseDocument("alertstream:\n  dry_run: [pagerduty]\n").dryRunTypes())
        .containsExactly("pagerduty");
    assertThatThrownBy(() -> TenantSettings.parseDocument("dry_run: true\n"))
        .hasMessageContaining("field dry_run not found");
  }

  @Test
  void aMistakeInAnIntegrationIsRefusedNamingTheFieldAndNoSecret() {
    String body =
        "alertmanager_config: |\n  route:\n    receiver: team\n  receivers:\n"
            + "    - name: other\n    - name: team\n"
            + "      opsgenie_configs: [{api_key: s3cret, responders: [{id: x, type: bogus}]}]\n";

    assertThatThrownBy(() -> parser.parse(body, TenantLimits.NONE))
        .hasMessageStartingWith("alertmanager_config.receivers[1].opsgenie_configs[0]")
        .hasMessageNotContaining("s3cret");
  }
}
