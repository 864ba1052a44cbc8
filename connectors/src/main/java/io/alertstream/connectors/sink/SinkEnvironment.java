package io.alertstream.connectors.sink;

import io.alertstream.connectors.delivery.Transport;
import io.alertstream.connectors.tenantconfig.TenantConfigSource;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * What a {@link NotificationSinkTask} works with beyond Connect: built from the settings by {@link
 * KafkaSinkEnvironment} when Connect starts the task, handed to the task's package-private
 * constructor by tests.
 */
public interface SinkEnvironment extends AutoCloseable {

  Clock clock();

  /** The registry the notifications were written with. */
  SchemaRegistryClient registry();

  /** The tenants' configs (in production a cache following the configs topic). */
  TenantConfigSource tenantConfigs();

  /** What sends the requests of one integration type (its own request timeout). */
  Transport transport(String integrationType);

  /** Where outcomes go. */
  OutcomeSink outcomes();

  /** Where the requests of tenants in dry run are recorded. */
  DryRunSink dryRun();

  /** A pool for one integration type's deliveries; the task shuts it down. */
  ScheduledExecutorService executor(int threads, ThreadFactory threadFactory);

  /** Releases what the environment opened (clients, producers, the config reader). */
  @Override
  void close();
}
