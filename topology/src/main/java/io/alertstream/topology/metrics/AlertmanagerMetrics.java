package io.alertstream.topology.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * The counts behind an instance's Alertmanager and Mimir metrics: per tenant, alerts received
 * (firing and resolved), invalid and refused at a limit, alerts not grouped at the group limit,
 * configs refused; per instance, configs applied and refused; and the alert marks of the tasks
 * running here. The topology and the API both count into one instance.
 */
public final class AlertmanagerMetrics implements TopologyMetrics {

  /** The counters kept per tenant. */
  public enum TenantCount {
    RECEIVED_FIRING,
    RECEIVED_RESOLVED,
    INVALID,
    INSERT_LIMITED,
    GROUP_LIMIT_REACHED
  }

  private final Map<String, LongAdder[]> perTenant = new ConcurrentHashMap<>();
  private final LongAdder invalidWithoutTenant = new LongAdder();
  private final LongAdder configsApplied = new LongAdder();
  private final LongAdder configsRefused = new LongAdder();
  private final Set<String> refusedConfigs = ConcurrentHashMap.newKeySet();
  private final Set<AlertMarks> tasks = ConcurrentHashMap.newKeySet();

  @Override
  public void alertReceived(String tenant, boolean firing) {
    add(tenant, firing ? TenantCount.RECEIVED_FIRING : TenantCount.RECEIVED_RESOLVED);
  }

  @Override
  public void alertInvalid(String tenant) {
    if (tenant == null) {
      invalidWithoutTenant.increment();
    } else {
      add(tenant, TenantCount.INVALID);
    }
  }

  @Override
  public void alertInsertLimited(String tenant) {
    add(tenant, TenantCount.INSERT_LIMITED);
  }

  @Override
  public void groupLimitReached(String tenant) {
    add(tenant, TenantCount.GROUP_LIMIT_REACHED);
  }

  @Override
  public void configApplied(String tenant) {
    configsApplied.increment();
    refusedConfigs.remove(tenant);
  }

  @Override
  public void configRefused(String tenant) {
    configsRefused.increment();
    refusedConfigs.add(tenant);
  }

  @Override
  public AlertMarks openTask() {
    AlertMarks marks = new AlertMarks();
    tasks.add(marks);
    return marks;
  }

  @Override
  public void closeTask(AlertMarks marks) {
    tasks.remove(marks);
  }

  private void add(String tenant, TenantCount count) {
    perTenant.computeIfAbsent(tenant, t -> newCounters())[count.ordinal()].increment();
  }

  private static LongAdder[] newCounters() {
    LongAdder[] counters = new LongAdder[TenantCount.values().length];
    for (int i = 0; i < counters.length; i++) {
      counters[i] = new LongAdder();
    }
    return counters;
  }

  /** Each tenant's counters so far, indexed by {@link TenantCount} ordinal. */
  public void tenantCounts(BiConsumer<String, long[]> each) {
    perTenant.forEach(
        (tenant, counters) -> {
          long[] values = new long[counters.length];
          for (int i = 0; i < counters.length; i++) {
            values[i] = counters[i].sum();
          }
          each.accept(tenant, values);
        });
  }

  /** Records of the alerts topic that were not alerts and whose key was not a tenant id. */
  public long invalidWithoutTenant() {
    return invalidWithoutTenant.sum();
  }

  public long configsApplied() {
    return configsApplied.sum();
  }

  public long configsRefused() {
    return configsRefused.sum();
  }

  /** Whether the last config the topology read for the tenant was refused. */
  public boolean lastConfigRefused(String tenant) {
    return refusedConfigs.contains(tenant);
  }

  /** The firing alerts of every tenant of the tasks running here, by state. */
  public Map<String, long[]> alertsByState(long now) {
    Map<String, long[]> out = new java.util.TreeMap<>();
    for (AlertMarks marks : tasks) {
      marks.count(
          now,
          (tenant, counts) ->
              out.merge(
                  tenant,
                  counts,
                  (a, b) -> {
                    for (int i = 0; i < a.length; i++) {
                      a[i] += b[i];
                    }
                    return a;
                  }));
    }
    return out;
  }
}
