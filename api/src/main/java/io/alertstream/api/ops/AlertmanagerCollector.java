package io.alertstream.api.ops;

import io.alertstream.api.BuildInfo;
import io.alertstream.topology.metrics.AlertMarks;
import io.alertstream.topology.metrics.AlertmanagerMetrics;
import io.alertstream.topology.metrics.AlertmanagerMetrics.TenantCount;
import io.alertstream.topology.ops.TenantCensus;
import io.alertstream.topology.silences.Silence;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.function.LongFunction;

/**
 * An instance's metrics under the names operators' dashboards and alerts read: Mimir's per tenant
 * ({@code cortex_alertmanager_*}, label {@code user}, for the tenants of the tasks running here)
 * and Alertmanager's summed over them ({@code alertmanager_*}). Built at each scrape from the
 * counts of {@link AlertmanagerMetrics}, a {@link TenantCensus} of the stores, and the instance's
 * config status. Delivery metrics come from the Connect workers.
 */
public final class AlertmanagerCollector implements MultiCollector {

  /** The reason Mimir's {@code cortex_alertmanager_sync_configs_total} gives config changes. */
  static final String SYNC_REASON = "config-change";

  private static final List<String> ALERT_STATES =
      Arrays.stream(AlertMarks.State.values()).map(AlertMarks.State::label).toList();
  private static final List<String> SILENCE_STATES =
      Arrays.stream(Silence.State.values()).map(Silence.State::apiName).toList();

  private final AlertmanagerMetrics counts;
  private final LongFunction<TenantCensus.Census> census;
  private final InstanceConfigStatus config;
  private final IntSupplier clusterMembers;
  private final Clock clock;

  /**
   * @param census what the stores hold at a time ({@link TenantCensus#take})
   * @param clusterMembers how many instances the application has, as this one knows
   */
  public AlertmanagerCollector(
      AlertmanagerMetrics counts,
      LongFunction<TenantCensus.Census> census,
      InstanceConfigStatus config,
      IntSupplier clusterMembers,
      Clock clock) {
    this.counts = counts;
    this.census = census;
    this.config = config;
    this.clusterMembers = clusterMembers;
    this.clock = clock;
  }

  @Override
  public MetricSnapshots collect() {
    long now = clock.millis();
    TenantCensus.Census stores = census.apply(now);
    Map<String, long[]> alerts = counts.alertsByState(now);
    Map<String, long[]> tenantCounts = new TreeMap<>();
    counts.tenantCounts(tenantCounts::put);
    MetricSnapshots.Builder out = MetricSnapshots.builder();
    byState(out, "alertmanager_alerts", "Firing alerts by state", alerts, ALERT_STATES);
    received(out, tenantCounts);
    byState(out, "alertmanager_silences", "Silences by state", stores.silences(), SILENCE_STATES);
    groups(out, stores.groups(), tenantCounts);
    configs(out, stores.configs());
    TreeSet<String> owned = new TreeSet<>(stores.configs().keySet());
    owned.addAll(alerts.keySet());
    out.metricSnapshot(
        gauge("cortex_alertmanager_tenants_owned", "Tenants run here", owned.size()));
    out.metricSnapshot(
        gauge(
            "cortex_alertmanager_tenants_discovered",
            "Tenants with a config run here (Alertstream: the same as owned)",
            stores.configs().size()));
    out.metricSnapshot(
        gauge(
            "alertmanager_cluster_members",
            "Instances of the application, as this one knows them",
            clusterMembers.getAsInt()));
    buildInfo(out, "cortex_build", "Alertstream's build, under Mimir's name");
    buildInfo(out, "alertmanager_build", "Alertstream's build, under Alertmanager's name");
    return out.build();
  }

  /**
   * A gauge by state per tenant under Mimir's name, and summed under Alertmanager's, with a series
   * for every state.
   *
   * @param states the state label values, indexed as the counts
   */
  private static void byState(
      MetricSnapshots.Builder out,
      String name,
      String help,
      Map<String, long[]> perTenant,
      List<String> states) {
    GaugeSnapshot.Builder tenants =
        GaugeSnapshot.builder().name("cortex_" + name).help(help + ", per tenant");
    long[] sum = new long[states.size()];
    perTenant.forEach(
        (tenant, counts) -> {
          for (int i = 0; i < sum.length; i++) {
            tenants.dataPoint(point(counts[i], "user", tenant, "state", states.get(i)));
            sum[i] += counts[i];
          }
        });
    out.metricSnapshot(tenants.build());
    GaugeSnapshot.Builder summed = GaugeSnapshot.builder().name(name).help(help);
    for (int i = 0; i < sum.length; i++) {
      summed.dataPoint(point(sum[i], "state", states.get(i)));
    }
    out.metricSnapshot(summed.build());
  }

  private void received(MetricSnapshots.Builder out, Map<String, long[]> tenantCounts) {
    CounterSnapshot.Builder received =
        CounterSnapshot.builder()
            .name("cortex_alertmanager_alerts_received")
            .help("Alerts received, per tenant");
    CounterSnapshot.Builder invalid =
        CounterSnapshot.builder()
            .name("cortex_alertmanager_alerts_invalid")
            .help("Alerts refused as invalid, per tenant");
    CounterSnapshot.Builder limited =
        CounterSnapshot.builder()
            .name("cortex_alertmanager_alerts_insert_limited")
            .help("Alerts refused at one of the tenant's alert limits");
    long firing = 0;
    long resolved = 0;
    long invalidSum = counts.invalidWithoutTenant();
    for (Map.Entry<String, long[]> e : tenantCounts.entrySet()) {
      long[] c = e.getValue();
      String user = e.getKey();
      firing += c[TenantCount.RECEIVED_FIRING.ordinal()];
      resolved += c[TenantCount.RECEIVED_RESOLVED.ordinal()];
      invalidSum += c[TenantCount.INVALID.ordinal()];
      received.dataPoint(
          counter(
              c[TenantCount.RECEIVED_FIRING.ordinal()] + c[TenantCount.RECEIVED_RESOLVED.ordinal()],
              "user",
              user));
      invalid.dataPoint(counter(c[TenantCount.INVALID.ordinal()], "user", user));
      limited.dataPoint(counter(c[TenantCount.INSERT_LIMITED.ordinal()], "user", user));
    }
    out.metricSnapshot(received.build());
    out.metricSnapshot(invalid.build());
    out.metricSnapshot(limited.build());
    out.metricSnapshot(
        CounterSnapshot.builder()
            .name("alertmanager_alerts_received")
            .help("Alerts received, by status")
            .dataPoint(counter(firing, "status", "firing", "version", "v2"))
            .dataPoint(counter(resolved, "status", "resolved", "version", "v2"))
            .build());
    out.metricSnapshot(
        CounterSnapshot.builder()
            .name("alertmanager_alerts_invalid")
            .help("Alerts refused as invalid")
            .dataPoint(counter(invalidSum, "version", "v2"))
            .build());
  }

  private void groups(
      MetricSnapshots.Builder out, Map<String, Long> groups, Map<String, long[]> tenantCounts) {
    GaugeSnapshot.Builder perTenant =
        GaugeSnapshot.builder()
            .name("cortex_alertmanager_dispatcher_aggregation_groups")
            .help("Aggregation groups, per tenant");
    long sum = 0;
    for (Map.Entry<String, Long> e : groups.entrySet()) {
      perTenant.dataPoint(point(e.getValue(), "user", e.getKey()));
      sum += e.getValue();
    }
    out.metricSnapshot(perTenant.build());
    out.metricSnapshot(
        gauge("alertmanager_dispatcher_aggregation_groups", "Aggregation groups", sum));
    CounterSnapshot.Builder limitReached =
        CounterSnapshot.builder()
            .name("cortex_alertmanager_dispatcher_aggregation_group_limit_reached")
            .help("Alerts not grouped: the tenant is at its limit of aggregation groups");
    tenantCounts.forEach(
        (tenant, c) ->
            limitReached.dataPoint(
                counter(c[TenantCount.GROUP_LIMIT_REACHED.ordinal()], "user", tenant)));
    out.metricSnapshot(limitReached.build());
  }

  private void configs(MetricSnapshots.Builder out, Map<String, TenantCensus.ConfigInForce> cfgs) {
    GaugeSnapshot.Builder successful =
        GaugeSnapshot.builder()
            .name("cortex_alertmanager_config_last_reload_successful")
            .help("1 if the tenant's last config was applied, 0 if it was refused");
    GaugeSnapshot.Builder seconds =
        GaugeSnapshot.builder()
            .name("cortex_alertmanager_config_last_reload_successful_seconds")
            .help("When the tenant's config in force was written");
    GaugeSnapshot.Builder hashes =
        GaugeSnapshot.builder()
            .name("cortex_alertmanager_config_hash")
            .help("A hash of the tenant's config in force");
    cfgs.forEach(
        (tenant, c) -> {
          successful.dataPoint(point(counts.lastConfigRefused(tenant) ? 0 : 1, "user", tenant));
          seconds.dataPoint(point(c.updatedAt() / 1000.0, "user", tenant));
          hashes.dataPoint(point(c.hash(), "user", tenant));
        });
    out.metricSnapshot(successful.build());
    out.metricSnapshot(seconds.build());
    out.metricSnapshot(hashes.build());
    out.metricSnapshot(
        CounterSnapshot.builder()
            .name("cortex_alertmanager_sync_configs")
            .help("Tenant configs applied, by reason")
            .dataPoint(counter(counts.configsApplied(), "reason", SYNC_REASON))
            .build());
    out.metricSnapshot(
        CounterSnapshot.builder()
            .name("cortex_alertmanager_sync_configs_failed")
            .help("Tenant configs refused by the topology")
            .dataPoint(counter(counts.configsRefused()))
            .build());
    out.metricSnapshot(
        gauge(
            "alertmanager_config_last_reload_successful",
            "1 if the instance's last /-/reload succeeded",
            config.lastReloadSucceeded() ? 1 : 0));
    out.metricSnapshot(
        gauge(
            "alertmanager_config_last_reload_success_timestamp_seconds",
            "When the instance last started or reloaded successfully",
            config.lastSuccessSeconds()));
    out.metricSnapshot(
        gauge(
            "alertmanager_config_hash",
            "A hash of the instance's fallback config and limits overrides",
            config.hash()));
  }

  private static void buildInfo(MetricSnapshots.Builder out, String name, String help) {
    out.metricSnapshot(
        InfoSnapshot.builder()
            .name(name)
            .help(help)
            .dataPoint(
                InfoDataPointSnapshot.builder()
                    .labels(
                        Labels.of(
                            "branch",
                            BuildInfo.BRANCH,
                            "goversion",
                            BuildInfo.RUNTIME,
                            "revision",
                            BuildInfo.REVISION,
                            "version",
                            BuildInfo.VERSION))
                    .build())
            .build());
  }

  private static GaugeSnapshot gauge(String name, String help, double value) {
    return GaugeSnapshot.builder().name(name).help(help).dataPoint(point(value)).build();
  }

  private static GaugeDataPointSnapshot point(double value, String... labels) {
    return GaugeDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build();
  }

  private static CounterDataPointSnapshot counter(double value, String... labels) {
    return CounterDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build();
  }
}
