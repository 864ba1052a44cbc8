package io.alertstream.api;

import io.alertstream.schemas.TenantConfig;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Produces configs (and tombstones) to the compacted configs topic, waiting for the ack. */
public final class KafkaTenantConfigWriter implements TenantConfigWriter {

  private final Producer<String, TenantConfig> producer;
  private final String topic;

  public KafkaTenantConfigWriter(Producer<String, TenantConfig> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  @Override
  public void write(String tenant, TenantConfig config) throws Exception {
    producer.send(new ProducerRecord<>(topic, tenant, config)).get(30, TimeUnit.SECONDS);
  }
}
