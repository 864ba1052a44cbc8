package io.alertstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The sections and keys of current Alertmanager (main) outside the receivers: tracing,
 * event_recorder, inhibit rule names, route and receiver labels; and the warnings list.
 */
class CurrentSchemaTest {

  private static final String MINIMAL = "route: {receiver: r}\nreceivers:\n- name: r\n";

  private static AlertmanagerConfig parse(String yaml) throws InvalidConfigException {
    return new ConfigParser().parse(yaml);
  }

  private static String refusal(String yaml) {
    try {
      parse(yaml);
    } catch (InvalidConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + yaml);
  }

  @Test
  void aPlainConfigHasNoWarnings() throws Exception {
    assertThat(parse(MINIMAL).warnings()).isEmpty();
  }

  @Test
  void tracingIsCheckedThenAcceptedWithAWarningNamingIt() throws Exception {
    AlertmanagerConfig config =
        parse(
            MINIMAL
                + "tracing:\n  client_type: http\n  endpoint: otel:4318\n"
                + "  sampling_fraction: 0.5\n  insecure: true\n  compression: gzip\n"
                + "  timeout: 5s\n  headers: {X-Team: a}\n"
                + "  tls_config: {insecure_skip_verify: true}\n");

    assertThat(config.warnings()).hasSize(1);
    ConfigWarning warning = config.warnings().get(0);
    assertThat(warning.field()).isEqualTo("tracing");
    assertThat(warning.line()).isEqualTo(5);
    assertThat(warning.toString())
        .startsWith("tracing (line 5): ignored: Alertstream does not export traces");
  }

  @Test
  void tracingIsRefusedAsAlertmanagerRefusesIt() {
    assertThat(refusal(MINIMAL + "tracing: {client_type: http}\n"))
        .isEqualTo("tracing (line 4): tracing endpoint must be set");
    assertThat(refusal(MINIMAL + "tracing: {endpoint: e, client_type: udp}\n"))
        .isEqualTo(
            "tracing.client_type (line 4): expected tracing client type to be to be http or grpc,"
                + " but got udp");
    assertThat(refusal(MINIMAL + "tracing: {endpoint: e, compression: zstd}\n"))
        .isEqualTo(
            "tracing.compression (line 4): invalid compression type zstd provided, valid"
                + " options: gzip");
    assertThat(refusal(MINIMAL + "tracing: {endpoint: e, sampling: 1}\n"))
        .contains("tracing.sampling")
        .contains("field sampling not found");
    assertThat(refusal(MINIMAL + "tracing: {endpoint: e, tls_config: {ca_file: /etc/ca}}\n"))
        .startsWith("tracing.tls_config.ca_file (line 4): file paths are not allowed");
  }

  @Test
  void eventRecorderOutputsAreAcceptedWithAWarning() throws Exception {
    AlertmanagerConfig config = parse(MINIMAL + "event_recorder:\n  stdout_outputs:\n  - {}\n");

    assertThat(config.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.field()).isEqualTo("event_recorder"));
    assertThat(refusal(MINIMAL + "event_recorder: {syslog_outputs: []}\n"))
        .contains("event_recorder.syslog_outputs")
        .contains("not found");
  }

  @Test
  void anInhibitRuleMayHaveAName() throws Exception {
    AlertmanagerConfig config =
        parse(
            MINIMAL
                + "inhibit_rules:\n- name: critical-mutes-warning\n"
                + "  source_matchers: [severity=critical]\n  target_matchers: [severity=warning]\n"
                + "- equal: [cluster]\n");

    assertThat(config.inhibitRules().get(0).name()).isEqualTo("critical-mutes-warning");
    assertThat(config.inhibitRules().get(1).name()).isEmpty();
    assertThat(config.warnings()).isEmpty();
    assertThat(refusal(MINIMAL + "inhibit_rules:\n- equal: ['']\n"))
        .isEqualTo("inhibit_rules[0].equal (line 5): invalid label name \"\" in equal list");
  }

  @Test
  void routeLabelsAreCheckedThenAcceptedWithAWarning() throws Exception {
    AlertmanagerConfig config =
        parse(
            "route:\n  receiver: r\n  routes:\n  - matchers: [a=b]\n"
                + "    labels: {team: '{{ .CommonLabels.team }}'}\n"
                + "receivers:\n- name: r\n");

    assertThat(config.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.field()).isEqualTo("route.routes[0].labels");
              assertThat(w.reason()).contains("route labels");
            });
    assertThat(
            refusal(
                "route:\n  receiver: r\n  routes:\n  - labels: {'': x}\n"
                    + "receivers:\n- name: r\n"))
        .endsWith("invalid label name \"\" in route labels");
  }

  @Test
  void receiverLabelsMustAgreeWithTheNameAndOthersAreWarnedAbout() throws Exception {
    assertThat(parse(MINIMAL + "  labels: {name: r}\n").warnings()).isEmpty();
    assertThat(parse(MINIMAL + "  labels: {tier: gold}\n").warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.field()).isEqualTo("receivers[0].labels"));
    assertThat(refusal(MINIMAL + "  labels: {name: other}\n"))
        .isEqualTo(
            "receivers[0].labels.name (line 4): receiver label \"name\" must match receiver"
                + " name \"r\", got \"other\"");
  }

  @Test
  void muteTimeIntervalsAreNamedAsAlertmanagerNamesThem() {
    assertThat(refusal(MINIMAL + "mute_time_intervals:\n- time_intervals: []\n"))
        .endsWith("missing name in mute time interval");
    assertThat(
            refusal(
                MINIMAL
                    + "mute_time_intervals:\n- name: a\n  time_intervals: []\n"
                    + "time_intervals:\n- name: a\n  time_intervals: []\n"))
        .endsWith("time interval \"a\" is not unique");
  }

  @Test
  void warningsAreNamedWithinAnEmbeddingSection() {
    ConfigWarning warning = new ConfigWarning("tracing", 3, "ignored");

    assertThat(warning.within("alertmanager_config").toString())
        .isEqualTo("alertmanager_config.tracing (line 3): ignored");
  }

  @Test
  void unknownTopLevelKeysAreStillRefused() {
    assertThatThrownBy(() -> parse(MINIMAL + "tracingg: {}\n"))
        .hasMessageContaining("field tracingg not found");
  }
}
