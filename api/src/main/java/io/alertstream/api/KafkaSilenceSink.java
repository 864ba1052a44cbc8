package io.alertstream.api;

import io.alertstream.schemas.SilenceEvent;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Produces silence changes to the silences topic, waiting for the broker's acknowledgement. */
public final class KafkaSilenceSink implements SilenceSink {

  private final Producer<String, SilenceEvent> producer;
  private final String topic;

  public KafkaSilenceSink(Producer<String, SilenceEvent> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  @Override
  public void write(String tenant, SilenceEvent event) throws Exception {
    producer.send(new ProducerRecord<>(topic, tenant, event)).get(30, TimeUnit.SECONDS);
  }
}
