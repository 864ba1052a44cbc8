package io.alertstream.api.ops;

import java.time.Duration;
import java.util.List;

/**
 * One instance as {@code /multitenant_alertmanager/status} shows it: where Mimir's page shows the
 * alertmanager ring, Alertstream's instances share the tenants' partitions through Kafka's group.
 *
 * @param instance the advertised API address ({@code application.server})
 * @param streamsState Kafka Streams' state
 * @param activePartitions the partitions (of every tenant-keyed topic) this instance processes
 * @param standbyPartitions those it keeps a warm copy of
 * @param tenantsWithConfig tenants with a config among those of its active partitions
 */
public record InstanceStatus(
    String instance,
    String streamsState,
    List<Integer> activePartitions,
    List<Integer> standbyPartitions,
    long tenantsWithConfig,
    Duration uptime) {

  public InstanceStatus {
    activePartitions = List.copyOf(activePartitions);
    standbyPartitions = List.copyOf(standbyPartitions);
  }
}
