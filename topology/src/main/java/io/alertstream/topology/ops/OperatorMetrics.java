package io.alertstream.topology.ops;

import io.alertstream.topology.grouping.FlushDelays;
import io.alertstream.topology.streams.AlertstreamTopology;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The metrics an operator of a running instance watches: input lag per (tenant-keyed) partition,
 * Kafka Streams' own (process and punctuate rates, commits, rebalances), how late group flushes
 * run, entries per state store, restore progress, and the JVM.
 */
public final class OperatorMetrics implements AutoCloseable {

  private final KafkaStreamsMetrics streamsMetrics;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private final InputLag inputLag;

  private OperatorMetrics(KafkaStreamsMetrics streamsMetrics, InputLag inputLag) {
    this.streamsMetrics = streamsMetrics;
    this.inputLag = inputLag;
  }

  public static OperatorMetrics bind(
      MeterRegistry registry,
      KafkaStreams streams,
      java.nio.file.Path stateDir,
      RestoreProgress restores,
      FlushDelays delays) {
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    OperatorMetrics metrics = new OperatorMetrics(streamsMetrics, new InputLag(streams, registry));
    metrics.gcMetrics.bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    // process_start_time_seconds: the mixins' crash-loop alerts read it.
    new UptimeMetrics().bindTo(registry);

    Gauge.builder(
            "alertstream.streams.running", streams, s -> s.state().isRunningOrRebalancing() ? 1 : 0)
        .description("1 while Kafka Streams runs or rebalances, 0 once stopped or failed")
        .register(registry);
    for (double quantile : new double[] {0.5, 0.99, 1.0}) {
      Gauge.builder("alertstream.group.flush.delay", delays, d -> d.percentile(quantile) / 1000.0)
          .tag("quantile", Double.toString(quantile))
          .baseUnit("seconds")
          .description("How late group flushes (the punctuation) ran after their due time")
          .register(registry);
    }
    FunctionCounter.builder("alertstream.group.flushes", delays, FlushDelays::count)
        .description("Group flushes run")
        .register(registry);
    for (String store : AlertstreamTopology.STORES) {
      Gauge.builder("alertstream.state.store.entries", streams, s -> entries(s, store))
          .tag("store", store)
          .description("Approximate entries of a state store over this instance's active tasks")
          .register(registry);
    }
    Gauge.builder("alertstream.state.directory.size", stateDir, OperatorMetrics::bytes)
        .baseUnit("bytes")
        .description("Bytes of Kafka Streams state (RocksDB files, checkpoints) on this instance")
        .register(registry);
    Gauge.builder("alertstream.restore.remaining", restores, RestoreProgress::remainingRecords)
        .baseUnit("records")
        .description("Changelog records still to restore")
        .register(registry);
    Gauge.builder("alertstream.restore.partitions", restores, RestoreProgress::restoringPartitions)
        .description("Changelog partitions restoring now")
        .register(registry);
    FunctionCounter.builder(
            "alertstream.restore.restored", restores, RestoreProgress::restoredRecords)
        .baseUnit("records")
        .description("Changelog records restored since start")
        .register(registry);
    return metrics;
  }

  /** Brings meters that follow the assignment (input lag) up to date; call before a scrape. */
  public void refresh() {
    inputLag.refresh();
  }

  private static double bytes(java.nio.file.Path dir) {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
      return files.mapToLong(f -> f.toFile().isFile() ? f.toFile().length() : 0).sum();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return Double.NaN;
    }
  }

  private static double entries(KafkaStreams streams, String store) {
    try {
      return streams
          .store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()))
          .approximateNumEntries();
    } catch (InvalidStateStoreException | IllegalStateException notNow) {
      return Double.NaN;
    }
  }

  @Override
  public void close() {
    streamsMetrics.close();
    gcMetrics.close();
  }
}
