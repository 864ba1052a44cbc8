package io.alertstream.api;

import io.alertstream.schemas.AlertBatch;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.serde.AlertBatches;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Produces a tenant's accepted alerts to the alerts topic as {@link AlertBatch} records (one per
 * request, or a few when the alerts exceed {@link AlertBatches#DEFAULT_MAX_BYTES}) and waits for
 * the broker's acknowledgement.
 */
public final class KafkaAlertSink implements AlertSink {

  private final Producer<String, AlertBatch> producer;
  private final String topic;
  private final int maxBatchBytes;

  public KafkaAlertSink(Producer<String, AlertBatch> producer, String topic) {
    this(producer, topic, AlertBatches.DEFAULT_MAX_BYTES);
  }

  KafkaAlertSink(Producer<String, AlertBatch> producer, String topic, int maxBatchBytes) {
    this.producer = producer;
    this.topic = topic;
    this.maxBatchBytes = maxBatchBytes;
  }

  @Override
  public void submit(String tenant, List<AlertEvent> alerts) throws Exception {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (AlertBatch batch : AlertBatches.of(alerts, maxBatchBytes)) {
      acks.add(producer.send(new ProducerRecord<>(topic, tenant, batch)));
    }
    for (Future<RecordMetadata> ack : acks) {
      ack.get(30, TimeUnit.SECONDS);
    }
  }
}
