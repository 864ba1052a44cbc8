package io.alertstream.config.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitsOverridesTest {

  private static final TenantLimits DEFAULTS =
      TenantLimits.NONE.withState(100, 0, 50, 10).withSilenceLimits(Duration.ofDays(30), 5);

  @Test
  void aTenantsEntryChangesOnlyTheLimitsItNames() throws Exception {
    RuntimeLimits limits = new RuntimeLimits(DEFAULTS);
    LimitsOverrides loaded =
        limits.load(
            """
            overrides:
              big:
                alertmanager_max_alerts_count: 5000
                alertmanager_max_silence_duration: 90d
                alertmanager_max_config_size_bytes: 1048576
                ingestion_rate: 10000
              strict:
                alertmanager_max_silence_matchers_count: 2
                alertmanager_max_dispatcher_aggregation_groups: 0
            multi_kv_config: {}
            """);

    TenantLimits big = limits.forTenant("big");
    assertThat(big.maxAlertsCount()).isEqualTo(5000);
    assertThat(big.maxSilenceDuration()).isEqualTo(Duration.ofDays(90));
    assertThat(big.maxConfigSizeBytes()).isEqualTo(1048576);
    assertThat(big.maxAggregationGroups()).isEqualTo(50);
    assertThat(big.maxSilences()).isEqualTo(10);
    assertThat(big.maxSilenceMatchers()).isEqualTo(5);
    TenantLimits strict = limits.forTenant("strict");
    assertThat(strict.maxSilenceMatchers()).isEqualTo(2);
    assertThat(strict.maxAggregationGroups()).as("0: no limit for this tenant").isZero();
    assertThat(strict.maxAlertsCount()).isEqualTo(100);
    assertThat(limits.forTenant("anyone-else")).isEqualTo(DEFAULTS);
    assertThat(loaded.notApplied()).isEmpty();
  }

  @Test
  void alertmanagerKeysWithoutALimitHereAreListed() throws Exception {
    LimitsOverrides loaded =
        LimitsOverrides.parse(
            "overrides:\n  t:\n    alertmanager_notification_rate_limit: 10\n"
                + "    alertmanager_max_silence_size_bytes: 4096\n",
            DEFAULTS);

    assertThat(loaded.notApplied())
        .containsExactly(
            "alertmanager_max_silence_size_bytes", "alertmanager_notification_rate_limit");
    assertThat(loaded.forTenant("t", DEFAULTS)).isEqualTo(DEFAULTS);
  }

  @Test
  void aBadValueIsRefusedNamingItsFieldAndTheLastGoodOverridesStay() throws Exception {
    RuntimeLimits limits = new RuntimeLimits(DEFAULTS);
    limits.load("overrides:\n  t:\n    alertmanager_max_alerts_count: 7\n");

    assertThatThrownBy(
            () -> limits.load("overrides:\n  t:\n    alertmanager_max_alerts_count: lots\n"))
        .hasMessage(
            "overrides.t.alertmanager_max_alerts_count (line 3): must be a whole number of 0 or"
                + " more (0: no limit), not \"lots\"");
    assertThatThrownBy(
            () -> limits.load("overrides:\n  t:\n    alertmanager_max_silence_duration: 1month\n"))
        .hasMessageContaining("overrides.t.alertmanager_max_silence_duration (line 3)");
    assertThatThrownBy(() -> limits.load("overrides: [t]\n")).hasMessageContaining("overrides");
    assertThat(limits.forTenant("t").maxAlertsCount()).isEqualTo(7);
  }

  @Test
  void anEmptyFileOverridesNothing() throws Exception {
    assertThat(LimitsOverrides.parse("", DEFAULTS).byTenant()).isEmpty();
    assertThat(LimitsOverrides.parse("overrides:\n", DEFAULTS).byTenant()).isEmpty();
  }
}
