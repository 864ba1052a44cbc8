package io.alertstream.config.receivers.victorops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.alertstream.config.ConfigParser;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VictoropsIntegrationTest {

  private static VictoropsConfig parse(String global, String entry) throws Exception {
    return new ConfigParser()
        .parse(
            (global.isEmpty() ? "" : "global: " + global + "\n")
                + "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  victorops_configs:\n  - "
                + entry
                + "\n")
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(VictoropsConfig.class);
  }

  private static Throwable refusal(String global, String entry) {
    return catchThrowable(() -> parse(global, entry));
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    VictoropsConfig vo = parse("", "{api_key: k-1, routing_key: ops}");

    assertThat(vo.apiUrl())
        .isEqualTo(URI.create("https://alert.victorops.com/integrations/generic/20131114/alert/"));
    assertThat(vo.sendResolved()).isTrue();
    assertThat(vo.messageType()).isEqualTo("CRITICAL");
    assertThat(vo.stateMessage()).isEqualTo("{{ template \"victorops.default.state_message\" . }}");
    assertThat(vo.entityDisplayName())
        .isEqualTo("{{ template \"victorops.default.entity_display_name\" . }}");
    assertThat(vo.monitoringTool())
        .isEqualTo("{{ template \"victorops.default.monitoring_tool\" . }}");
    assertThat(vo.customFields()).isEmpty();
  }

  @Test
  void theGlobalKeyAndUrlAreFallbacks() throws Exception {
    VictoropsConfig vo =
        parse(
            "{victorops_api_key: g-key, victorops_api_url: 'https://vo.example/alert'}",
            "{routing_key: ops, message_type: WARNING, custom_fields: {runbook: r}}");

    assertThat(vo.apiKey().value()).isEqualTo("g-key");
    assertThat(vo.apiUrl()).isEqualTo(URI.create("https://vo.example/alert/"));
    assertThat(vo.messageType()).isEqualTo("WARNING");
    assertThat(vo.customFields()).isEqualTo(Map.of("runbook", "r"));
  }

  @Test
  void aRoutingKeyIsRequired() {
    assertThat(refusal("", "{api_key: k}"))
        .hasMessageContaining("victorops_configs[0]")
        .hasMessageContaining("missing Routing key in VictorOps config");
  }

  @Test
  void aKeyIsRequired() {
    assertThat(refusal("", "{routing_key: ops}"))
        .hasMessageContaining("victorops_configs[0]")
        .hasMessageContaining("no global VictorOps API Key set");
  }

  @Test
  void keyFilesAreRefused() {
    assertThat(refusal("", "{routing_key: ops, api_key_file: /k}"))
        .hasMessageContaining("api_key_file")
        .hasMessageContaining("file paths are not allowed");
    assertThat(refusal("", "{routing_key: ops, api_key: k, api_key_file: /k}"))
        .hasMessageContaining("at most one of api_key & api_key_file must be configured");
    assertThat(refusal("{victorops_api_key_file: /k}", "{routing_key: ops}"))
        .hasMessageContaining("victorops_api_key_file");
  }

  @Test
  void customFieldsMayNotReplaceTheFixedOnes() {
    for (String reserved : VictoropsIntegration.RESERVED_FIELDS) {
      assertThat(
              refusal("", "{api_key: k, routing_key: ops, custom_fields: {" + reserved + ": x}}"))
          .hasMessageContaining("custom_fields")
          .hasMessageContaining(
              "victorOps config contains custom field "
                  + reserved
                  + " which cannot be used as it conflicts with the fixed/static fields");
    }
  }

  @Test
  void unknownFieldsAreRefused() {
    assertThat(refusal("", "{api_key: k, routing_key: ops, entity_state: x}"))
        .hasMessageContaining("field entity_state not found");
  }

  @Test
  void toStringHidesTheKey() throws Exception {
    assertThat(parse("", "{api_key: s3cret, routing_key: ops}").toString())
        .doesNotContain("s3cret")
        .contains("ops");
  }
}
