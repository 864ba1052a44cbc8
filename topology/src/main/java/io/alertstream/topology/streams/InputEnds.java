package io.alertstream.topology.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end offsets of the alerts topic's partitions (the last stable offsets, as a read_committed
 * consumer sees them), asked of the broker every few tens of milliseconds while tasks want them
 * (they ask when a group is due), so that a task can tell whether it has read all its alerts or
 * some are still buffered or unfetched. Figures older than {@link #FRESH_MS} count as unknown.
 * Kafka Streams' task metadata end offsets, tried first, did not stop early flushes (its tasks here
 * never wait for input, {@code max.task.idle.ms=-1}), and a quiet spell is no evidence: a stream
 * thread works through each task's buffered records in turn. {@link #UNKNOWN} never knows (tests
 * without a broker).
 */
public final class InputEnds implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InputEnds.class);

  /** Never knows an end offset. */
  public static final InputEnds UNKNOWN = new InputEnds(null, null);

  private final Admin admin;
  private final String topic;

  /** Polling goes on while a task has asked within this long. */
  static final long WANTED_MS = 1_000;

  /** Ends polled longer ago than this count as unknown. */
  static final long FRESH_MS = 250;

  private final Map<TopicPartition, Long> ends = new ConcurrentHashMap<>();
  private volatile long askedAt;
  private volatile long polledAt;
  private final ScheduledExecutorService poller;
  private List<TopicPartition> partitions = List.of();
  private long partitionsListedAt;

  private InputEnds(Admin admin, String topic) {
    this.admin = admin;
    this.topic = topic;
    this.poller =
        admin == null
            ? null
            : Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "alertstream-input-ends");
                  t.setDaemon(true);
                  return t;
                });
  }

  /** Polls the end offsets of {@code topic} every {@code every} with the given client settings. */
  public static InputEnds polling(Map<String, String> kafka, String topic, Duration every) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "alertstream-input-ends");
    InputEnds ends = new InputEnds(Admin.create(props), topic);
    ends.poller.scheduleWithFixedDelay(ends::poll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return ends;
  }

  /** The end offset of {@code partition}, if known and fresh. */
  public OptionalLong endOffset(TopicPartition partition) {
    long now = System.currentTimeMillis();
    askedAt = now;
    if (now - polledAt > FRESH_MS) {
      return OptionalLong.empty();
    }
    Long end = ends.get(partition);
    return end == null ? OptionalLong.empty() : OptionalLong.of(end);
  }

  private void poll() {
    long now = System.currentTimeMillis();
    if (now - askedAt > WANTED_MS) {
      return;
    }
    try {
      if (partitions.isEmpty() || now - partitionsListedAt > 30_000) {
        TopicDescription description =
            admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(5, TimeUnit.SECONDS)
                .get(topic);
        partitions =
            description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        partitionsListedAt = now;
      }
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
      admin
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get(5, TimeUnit.SECONDS)
          .forEach((p, info) -> ends.put(p, info.offset()));
      polledAt = now;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Kept: the last known ends; a task that knows none falls back to a quiet spell.
      LOG.debug("could not read the end offsets of {}: {}", topic, e.toString());
    }
  }

  @Override
  public void close() {
    if (admin != null) {
      poller.shutdownNow();
      admin.close(Duration.ofSeconds(5));
    }
  }
}
