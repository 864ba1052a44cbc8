package io.alertstream.topology.streams;

import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.RegistryUnavailableException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kafka Streams does with a record of the configs, silences or outcomes topic it cannot read
 * (alerts are read as bytes and dead-lettered by the intake processor). A record whose writer
 * schema could not be fetched because the registry is unavailable is not the record's fault: the
 * stream thread fails, and {@link RegistryOutages} replaces it to read the record again. Any other
 * unreadable record goes, bytes untouched, to the dead letter topic with the reason, in the same
 * transaction that moves past it.
 */
public final class DeadLetterUnreadableRecords implements DeserializationExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterUnreadableRecords.class);

  /** Nothing to configure: the dead letter topic is the alerts' own. */
  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (RegistryUnavailableException.causedBy(exception)) {
      return Response.fail();
    }
    String reason = "record value: " + exception.getMessage();
    LOG.warn(
        "dead-lettering record at {}-{}@{}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        reason);
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    DeadLetter.describe(headers, reason, record.topic(), record.partition(), record.offset());
    Long timestamp = record.timestamp() < 0 ? null : record.timestamp();
    return Response.resume(
        List.of(
            new ProducerRecord<>(
                Topics.ALERTS_DLQ, null, timestamp, record.key(), record.value(), headers)));
  }
}
