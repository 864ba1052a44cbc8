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
            "alertmanager_config.route.receiver (line 2): undefined receiver \"nobody\" used in route");
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
}
