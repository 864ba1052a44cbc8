package io.alertstream.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.schemas.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows what the dry-run connectors would have sent: reads {@code alertstream-dryrun}, logs a line
 * per request and keeps the latest for the inbox's {@code /dry-run} page.
 */
public final class LocalDryRunLog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("alertstream.dry-run");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int KEPT = 200;

  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  private final Deque<JsonNode> recent = new ArrayDeque<>();

  public LocalDryRunLog(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    consumer.assign(
        consumer.partitionsFor(Topics.DRY_RUN).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList());
    thread = new Thread(this::run, "alertstream-dry-run-log");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (true) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
          show(r.value());
        }
      }
    } catch (WakeupException stopping) {
      // closed
    } finally {
      consumer.close();
    }
  }

  private void show(String value) {
    JsonNode entry;
    try {
      entry = JSON.readTree(value);
    } catch (IOException e) {
      return;
    }
    JsonNode request = entry.path("request");
    LOG.info(
        "{} for {}/{} would be: {} {}",
        entry.path("integration").asText(),
        entry.path("tenant").asText(),
        entry.path("receiver").asText(),
        request.path("method").asText(),
        request.path("target").asText());
    synchronized (this) {
      recent.addLast(entry);
      while (recent.size() > KEPT) {
        recent.removeFirst();
      }
    }
  }

  /** The latest dry-run requests, oldest first. */
  public synchronized List<JsonNode> recent() {
    return new ArrayList<>(recent);
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join(5000);
  }
}
