package io.alertstream.topology.streams;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/** The Kafka Streams properties Alertstream runs with. */
public final class StreamsSettings {

  public static final String APPLICATION_ID = "alertstream";

  /** How long the broker holds an idle consumer's fetch before answering it empty. */
  public static final int IDLE_FETCH_WAIT_MS = 5_000;

  /** How long the stream thread's poll waits for records, bounding how late a tick can run. */
  static final long POLL_MS = 10;

  private StreamsSettings() {}

  /**
   * @param replicationFactor of Streams' internal topics: 1 on a single local broker
   */
  public static Properties properties(
      String bootstrapServers, Path stateDir, int replicationFactor) {
    return properties(
        Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        stateDir,
        replicationFactor,
        0,
        1,
        null,
        null);
  }

  /**
   * @param kafka client properties: bootstrap.servers and the cluster's security settings; they may
   *     also tune Streams' clients (e.g. {@code session.timeout.ms})
   * @param standbyReplicas warm copies of each task's state on other instances
   * @param streamThreads processing threads of this instance
   * @param instanceId a stable id of this instance (static group membership), so that a restarted
   *     instance gets its tasks back at once instead of after the session timeout; null for none
   * @param apiServer where other instances reach this one's API, for forwarding queries; null for
   *     none
   */
  public static Properties properties(
      Map<String, String> kafka,
      Path stateDir,
      int replicationFactor,
      int standbyReplicas,
      int streamThreads,
      String instanceId,
      HostInfo apiServer) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
    // A config, silence or outcome record that cannot be read is dead-lettered with the reason;
    // alerts are read as bytes and dead-lettered by the intake processor. A registry outage fails
    // the stream thread instead, and RegistryOutages replaces it.
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterUnreadableRecords.class.getName());
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // A task reads four topics (alerts, configs, silences, delivery outcomes); their records need
    // no time alignment, so it processes whatever has arrived instead of waiting for a fetch of an
    // input that has lag but nothing buffered (outcomes arrive all the time while Connect
    // delivers).
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, SharedRocksDbMemory.class);
    // The broker answers a fetch as soon as a record arrives; the wait only bounds how often an
    // idle consumer asks again (default 500 ms: two fetches a second per idle instance).
    props.putIfAbsent(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
        IDLE_FETCH_WAIT_MS);
    // A wall-clock punctuation (the tick that flushes due groups) runs only between polls, and a
    // poll with nothing to read blocks for poll.ms (Kafka's default 100 ms): a tick due meanwhile
    // waits. 20 ms bounds that wait; an idle stream thread loops more often for it (BENCHMARKS.md,
    // session 12). kafka.poll.ms overrides it.
    props.putIfAbsent(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
    if (apiServer != null) {
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, apiServer.host() + ":" + apiServer.port());
    }
    if (instanceId != null) {
      props.put(
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
    }
    return props;
  }
}
