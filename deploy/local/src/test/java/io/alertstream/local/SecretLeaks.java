package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The connector test kit's secret check: no log line, error message, DLQ record or header, dry-run
 * record, metric name or value, or connector status carries any of the given secrets.
 */
final class SecretLeaks {

  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static boolean installed;

  private SecretLeaks() {}

  /** Starts keeping a copy of everything logged to stderr (where slf4j-simple writes). */
  static synchronized void captureLogs() {
    if (installed) {
      return;
    }
    installed = true;
    PrintStream original = System.err;
    System.setErr(
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) {
                original.write(b);
                synchronized (LOG) {
                  LOG.write(b);
                }
              }

              @Override
              public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (LOG) {
                  LOG.write(b, off, len);
                }
              }
            },
            true,
            StandardCharsets.UTF_8));
  }

  static String logs() {
    synchronized (LOG) {
      return LOG.toString(StandardCharsets.UTF_8);
    }
  }

  static void assertNoneLeaked(LocalStack stack, Collection<String> secrets) throws Exception {
    List<String> places = new ArrayList<>();
    places.add("log: " + logs());
    for (ConsumerRecord<byte[], byte[]> r : readAll(stack, deadLetterAndDryRunTopics())) {
      StringBuilder text = new StringBuilder(r.topic()).append(": ");
      if (r.value() != null) {
        text.append(new String(r.value(), StandardCharsets.ISO_8859_1));
      }
      for (Header h : r.headers()) {
        text.append(' ').append(h.key()).append('=');
        if (h.value() != null) {
          text.append(new String(h.value(), StandardCharsets.UTF_8));
        }
      }
      places.add(text.toString());
    }
    MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    for (ObjectName name : jmx.queryNames(new ObjectName("kafka.connect:*"), null)) {
      StringBuilder text = new StringBuilder("metric ").append(name).append(':');
      for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(name).getAttributes()) {
        try {
          text.append(' ')
              .append(attribute.getName())
              .append('=')
              .append(jmx.getAttribute(name, attribute.getName()));
        } catch (Exception unreadable) {
          // some attributes throw when read; the name is still checked
        }
      }
      places.add(text.toString());
    }
    places.add("status: " + stack.connect().status(EmbeddedConnect.CONNECTOR_NAME));
    for (String place : places) {
      for (String secret : secrets) {
        assertThat(place)
            .as("a secret appears in %s", place.substring(0, Math.min(80, place.length())))
            .doesNotContain(secret);
      }
    }
  }

  private static List<String> deadLetterAndDryRunTopics() {
    List<String> topics = new ArrayList<>();
    topics.add(Topics.DRY_RUN);
    topics.add(Topics.ALERTS_DLQ);
    topics.add(EmbeddedConnect.DLQ_TOPIC);
    return topics;
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(
      LocalStack stack, List<String> topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "secret-leaks-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(topics);
      int emptyPolls = 0;
      while (emptyPolls < 3) {
        var batch = consumer.poll(Duration.ofMillis(500));
        if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
          emptyPolls++;
        }
        batch.forEach(all::add);
      }
    }
    return all;
  }
}
