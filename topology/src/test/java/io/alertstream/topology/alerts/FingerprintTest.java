package io.alertstream.topology.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  // Expected values were read from Alertmanager 0.25's GET /api/v2/alerts for the same labels.
  @Test
  void matchesAlertmanagersFingerprints() {
    assertThat(
            Fingerprint.of(
                Map.of("alertname", "HighLatency", "severity", "page", "instance", "web-1:9090")))
        .isEqualTo("7bdad9df5afefd2f");
    assertThat(Fingerprint.of(Map.of("a", "1"))).isEqualTo("d3b971819376d835");
  }

  @Test
  void sortsNamesBytewiseAndHashesUtf8() {
    assertThat(Fingerprint.of(Map.of("zeta", "é", "Zulu", "x", "alpha", "ünïcode")))
        .isEqualTo("702b96dd0b463471");
  }

  @Test
  void emptyLabelSetIsTheOffsetBasis() {
    assertThat(Fingerprint.of(Map.of())).isEqualTo("cbf29ce484222325");
  }

  @Test
  void hex16PadsAndCoversTheWholeRange() {
    org.assertj.core.api.Assertions.assertThat(Fingerprint.hex16(0)).isEqualTo("0000000000000000");
    org.assertj.core.api.Assertions.assertThat(Fingerprint.hex16(0xabcL))
        .isEqualTo("0000000000000abc");
    org.assertj.core.api.Assertions.assertThat(Fingerprint.hex16(-1L))
        .isEqualTo("ffffffffffffffff");
  }
}
