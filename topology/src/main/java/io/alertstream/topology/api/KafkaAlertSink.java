package io.alertstream.topology.api;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.topology.alerts.PostMark;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Produces accepted alerts to the alerts topic, each marked with its POST ({@link PostMark}), and
 * waits for the broker's acknowledgement.
 */
public final class KafkaAlertSink implements AlertSink {

  private final Producer<String, AlertEvent> producer;
  private final String topic;
  private final String instance = Long.toHexString(new SecureRandom().nextLong());
  private final AtomicLong posts = new AtomicLong();

  public KafkaAlertSink(Producer<String, AlertEvent> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  @Override
  public void submit(String tenant, List<AlertEvent> alerts) throws Exception {
    String post = instance + '-' + Long.toHexString(posts.incrementAndGet());
    List<Future<RecordMetadata>> acks = new ArrayList<>(alerts.size());
    for (int i = 0; i < alerts.size(); i++) {
      var record = new ProducerRecord<>(topic, tenant, alerts.get(i));
      record.headers().add(new PostMark(post, alerts.size() - 1 - i).header());
      acks.add(producer.send(record));
    }
    for (Future<RecordMetadata> ack : acks) {
      ack.get(30, TimeUnit.SECONDS);
    }
  }
}
