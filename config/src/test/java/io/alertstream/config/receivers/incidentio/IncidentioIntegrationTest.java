package io.alertstream.config.receivers.incidentio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IncidentioIntegrationTest {

  private static final String URL = "url: 'https://api.incident.io/v2/alert_events/http/01SRC'";

  private static AlertmanagerConfig parse(String entry) throws Exception {
    return new ConfigParser()
        .parse(
            "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  incidentio_configs:\n  - "
                + entry
                + "\n");
  }

  private static IncidentioConfig settings(String entry) throws Exception {
    return parse(entry)
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(IncidentioConfig.class);
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    IncidentioConfig c = settings("{" + URL + ", alert_source_token: t0k}");

    assertThat(c.sendResolved()).isTrue();
    assertThat(c.maxAlerts()).isZero();
    assertThat(c.url().getPath()).isEqualTo("/v2/alert_events/http/01SRC");
    assertThat(c.http().authorization()).contains(new Secret("Bearer t0k"));
    assertThat(c.http().timeout()).isEmpty();
  }

  @Test
  void maxAlertsTimeoutAndHttpConfigAuthorizationAreRead() throws Exception {
    IncidentioConfig c =
        settings(
            "{"
                + URL
                + ", send_resolved: false, max_alerts: 5, timeout: 1m30s,"
                + " http_config: {authorization: {credentials: own}}}");

    assertThat(c.sendResolved()).isFalse();
    assertThat(c.maxAlerts()).isEqualTo(5);
    assertThat(c.http().timeout()).contains(Duration.ofSeconds(90));
    assertThat(c.http().authorization()).contains(new Secret("Bearer own"));
  }

  @Test
  void withoutTheirOwnHttpConfigAndTokenEntriesAreAcceptedAsInAlertmanager() throws Exception {
    assertThat(settings("{" + URL + "}").http().authorization()).isEmpty();
  }

  @Test
  void aUrlIsRequiredAndItsFileRefused() {
    assertThatThrownBy(() -> parse("{alert_source_token: t}"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("incidentio_configs[0]")
        .hasMessageContaining("one of url or url_file must be configured");
    assertThatThrownBy(() -> parse("{url_file: /etc/url, alert_source_token: t}"))
        .hasMessageContaining("incidentio_configs[0].url_file")
        .hasMessageContaining("file paths are not allowed");
    assertThatThrownBy(() -> parse("{" + URL + ", url_file: /x}"))
        .hasMessageContaining("at most one of url & url_file must be configured");
    assertThatThrownBy(() -> parse("{" + URL + ", alert_source_token_file: /x}"))
        .hasMessageContaining("incidentio_configs[0].alert_source_token_file")
        .hasMessageContaining("file paths are not allowed");
  }

  @Test
  void tokenAndHttpConfigAuthorizationExcludeEachOther() {
    assertThatThrownBy(
            () ->
                parse(
                    "{"
                        + URL
                        + ", alert_source_token: t, http_config: {authorization: {credentials: c}}}"))
        .hasMessageContaining("incidentio_configs[0]")
        .hasMessageContaining(
            "cannot specify alert_source_token or alert_source_token_file when using"
                + " http_config.authorization");
    assertThatThrownBy(() -> parse("{" + URL + ", http_config: {follow_redirects: false}}"))
        .hasMessageContaining(
            "at least one of alert_source_token, alert_source_token_file or"
                + " http_config.authorization must be configured");
  }

  @Test
  void badValuesAreRefused() {
    assertThatThrownBy(() -> parse("{" + URL + ", alert_source_token: t, max_alerts: -1}"))
        .hasMessageContaining("max_alerts")
        .hasMessageContaining("into uint64");
    assertThatThrownBy(() -> parse("{" + URL + ", alert_source_token: t, timeout: 5d}"))
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> parse("{url: 'incident.io/s3cret', alert_source_token: t}"))
        .hasMessageContaining("url")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void toStringHidesUrlAndToken() throws Exception {
    String text =
        settings("{url: 'https://api.incident.io/src/s3cret', alert_source_token: t0ken}")
            .toString();
    assertThat(text).doesNotContain("s3cret").doesNotContain("t0ken");
  }
}
