package io.alertstream.connectors.tenantconfig;

import io.alertstream.schemas.TenantConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the configs topic from the start into a {@link TenantConfigCache}, then
 * follows it. It uses no consumer group: each task keeps a whole copy.
 */
public final class TenantConfigReader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TenantConfigReader.class);

  private final KafkaConsumer<String, TenantConfig> consumer;
  private final String topic;
  private final TenantConfigCache cache;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  public TenantConfigReader(
      Map<String, Object> kafka,
      String topic,
      Deserializer<TenantConfig> deserializer,
      TenantConfigCache cache) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(
        ConsumerConfig.CLIENT_ID_CONFIG,
        "alertstream-config-reader-" + System.identityHashCode(this));
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), deserializer);
    this.topic = topic;
    this.cache = cache;
    this.thread = new Thread(this::run, "alertstream-config-reader");
    this.thread.setDaemon(true);
  }

  /** Starts following the topic and waits until what was on it at start has been read. */
  public TenantConfigCache start(Duration catchUpTimeout) throws InterruptedException {
    thread.start();
    if (!caughtUp.await(catchUpTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("configs topic {} not read to its end within {}; going on", topic, catchUpTimeout);
    }
    return cache;
  }

  private void run() {
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (running) {
        ConsumerRecords<String, TenantConfig> records;
        try {
          records = consumer.poll(Duration.ofMillis(200));
        } catch (RecordDeserializationException e) {
          LOG.warn(
              "unreadable config record at {}@{} skipped: {}",
              e.topicPartition(),
              e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
          continue;
        }
        for (ConsumerRecord<String, TenantConfig> record : records) {
          try {
            cache.apply(record.key(), record.value());
          } catch (RuntimeException e) {
            LOG.warn(
                "config record at {}-{}@{} skipped: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                e.getMessage());
          }
        }
        if (caughtUp.getCount() > 0
            && ends.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("config reader for {} stopped", topic, e);
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
