package io.alertstream.api;

import io.alertstream.schemas.AlertEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Produces accepted alerts to the alerts topic and waits for the broker's acknowledgement. */
public final class KafkaAlertSink implements AlertSink {

  private final Producer<String, AlertEvent> producer;
  private final String topic;

  public KafkaAlertSink(Producer<String, AlertEvent> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  @Override
  public void submit(String tenant, List<AlertEvent> alerts) throws Exception {
    List<Future<RecordMetadata>> acks = new ArrayList<>(alerts.size());
    for (AlertEvent alert : alerts) {
      acks.add(producer.send(new ProducerRecord<>(topic, tenant, alert)));
    }
    for (Future<RecordMetadata> ack : acks) {
      ack.get(30, TimeUnit.SECONDS);
    }
  }
}
