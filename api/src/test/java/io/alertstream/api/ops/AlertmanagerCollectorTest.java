package io.alertstream.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.topology.metrics.AlertMarks;
import io.alertstream.topology.metrics.AlertmanagerMetrics;
import io.alertstream.topology.ops.TenantCensus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instance's metrics under Mimir's and Alertmanager's names, as a scrape shows them. */
class AlertmanagerCollectorTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private final AlertmanagerMetrics counts = new AlertmanagerMetrics();
  private final InstanceConfigStatus config =
      new InstanceConfigStatus(() -> "fallback", Clock.fixed(NOW, ZoneOffset.UTC));
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private String scrape(TenantCensus.Census census) {
    registry
        .getPrometheusRegistry()
        .register(
            new AlertmanagerCollector(
                counts, now -> census, config, () -> 3, Clock.fixed(NOW, ZoneOffset.UTC)));
    return registry.scrape();
  }

  @Test
  void perTenantSeriesCarryTheUserAndAreSummedUnderAlertmanagersNames() {
    long later = NOW.toEpochMilli() + 60_000;
    AlertMarks task = counts.openTask();
    task.received("acme", "a1", later);
    task.received("acme", "a2", later);
    task.flushed("acme", "a2", true);
    task.received("beta", "b1", later);
    task.flushed("beta", "b1", false);
    task.received("beta", "gone", NOW.toEpochMilli() - 1);
    counts.alertReceived("acme", true);
    counts.alertReceived("acme", true);
    counts.alertReceived("beta", false);
    counts.alertInvalid("acme");
    counts.alertInvalid(null);
    counts.alertInsertLimited("beta");
    counts.groupLimitReached("beta");
    counts.configApplied("acme");
    counts.configRefused("beta");

    String text =
        scrape(
            new TenantCensus.Census(
                Map.of("acme", 2L, "beta", 1L),
                Map.of("acme", new long[] {1, 2, 3}),
                Map.of(
                    "acme", new TenantCensus.ConfigInForce(4, NOW.toEpochMilli(), 42.0),
                    "beta", new TenantCensus.ConfigInForce(1, NOW.toEpochMilli(), 7.0))));

    assertThat(text)
        .contains(
            "cortex_alertmanager_alerts{state=\"active\",user=\"acme\"} 0.0",
            "cortex_alertmanager_alerts{state=\"unprocessed\",user=\"acme\"} 1.0",
            "cortex_alertmanager_alerts{state=\"suppressed\",user=\"acme\"} 1.0",
            "cortex_alertmanager_alerts{state=\"active\",user=\"beta\"} 1.0",
            "alertmanager_alerts{state=\"active\"} 1.0",
            "alertmanager_alerts{state=\"suppressed\"} 1.0",
            "alertmanager_alerts{state=\"unprocessed\"} 1.0",
            "cortex_alertmanager_alerts_received_total{user=\"acme\"} 2.0",
            "cortex_alertmanager_alerts_received_total{user=\"beta\"} 1.0",
            "alertmanager_alerts_received_total{status=\"firing\",version=\"v2\"} 2.0",
            "alertmanager_alerts_received_total{status=\"resolved\",version=\"v2\"} 1.0",
            "cortex_alertmanager_alerts_invalid_total{user=\"acme\"} 1.0",
            "alertmanager_alerts_invalid_total{version=\"v2\"} 2.0",
            "cortex_alertmanager_alerts_insert_limited_total{user=\"beta\"} 1.0",
            "cortex_alertmanager_dispatcher_aggregation_group_limit_reached_total{user=\"beta\"}"
                + " 1.0",
            "cortex_alertmanager_dispatcher_aggregation_groups{user=\"acme\"} 2.0",
            "alertmanager_dispatcher_aggregation_groups 3.0",
            "cortex_alertmanager_silences{state=\"pending\",user=\"acme\"} 1.0",
            "cortex_alertmanager_silences{state=\"active\",user=\"acme\"} 2.0",
            "cortex_alertmanager_silences{state=\"expired\",user=\"acme\"} 3.0",
            "alertmanager_silences{state=\"expired\"} 3.0",
            "cortex_alertmanager_config_last_reload_successful{user=\"acme\"} 1.0",
            "cortex_alertmanager_config_last_reload_successful{user=\"beta\"} 0.0",
            "cortex_alertmanager_config_hash{user=\"acme\"} 42.0",
            "cortex_alertmanager_sync_configs_total{reason=\"config-change\"} 1.0",
            "cortex_alertmanager_sync_configs_failed_total 1.0",
            "cortex_alertmanager_tenants_owned 2.0",
            "alertmanager_cluster_members 3.0",
            "alertmanager_config_last_reload_successful 1.0",
            "alertmanager_config_hash " + config.hash())
        .containsPattern("cortex_build_info\\{branch=\"alertstream\",goversion=\"java\\d+\",");
  }

  @Test
  void alertmanagersSeriesExistBeforeAnyTraffic() {
    String text = scrape(new TenantCensus.Census(Map.of(), Map.of(), Map.of()));

    assertThat(text)
        .contains(
            "alertmanager_alerts{state=\"active\"} 0.0",
            "alertmanager_alerts{state=\"unprocessed\"} 0.0",
            "alertmanager_alerts_received_total{status=\"firing\",version=\"v2\"} 0.0",
            "alertmanager_alerts_invalid_total{version=\"v2\"} 0.0",
            "alertmanager_silences{state=\"active\"} 0.0",
            "cortex_alertmanager_tenants_owned 0.0")
        .doesNotContain("user=");
  }

  @Test
  void aFailedReloadSaysSoUntilOneSucceeds() {
    config.failed();
    assertThat(scrape(new TenantCensus.Census(Map.of(), Map.of(), Map.of())))
        .contains("alertmanager_config_last_reload_successful 0.0");
    config.succeeded();
    assertThat(registry.scrape()).contains("alertmanager_config_last_reload_successful 1.0");
  }
}
