package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The serde against a real registry (Apicurio's Confluent-compatible API). */
class SchemaRegistryIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String registryUrl;

  @BeforeAll
  static void start() throws Exception {
    registryUrl = TestStacks.shared().registryUrl();
  }

  @Test
  void anIndependentReaderDecodesWhatTheSerializerWrote() throws Exception {
    AlertEvent alert =
        AlertEvent.newBuilder()
            .setLabels(Map.of("alertname", "HighLatency", "service", "checkout"))
            .setAnnotations(Map.of("summary", "p99 above 1s"))
            .setStartsAt(Instant.parse("2026-03-01T12:00:00Z"))
            .setGeneratorURL("http://prometheus/graph")
            .build();

    byte[] bytes =
        new AvroSerializer<AlertEvent>(new RestSchemaRegistryClient(registryUrl))
            .serialize("registry-it-alerts", alert);

    // Decode by hand, as any Confluent-format consumer would: magic byte, schema id, Avro binary.
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    assertThat(buffer.get()).isZero();
    int id = buffer.getInt();
    String schemaJson = JSON.readTree(get("/schemas/ids/" + id)).get("schema").asText();
    Schema writer = new Schema.Parser().parse(schemaJson);
    GenericRecord decoded =
        new GenericDatumReader<GenericRecord>(writer)
            .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    assertThat(decoded.get("labels").toString())
        .contains("alertname=HighLatency")
        .contains("service=checkout");
    assertThat(decoded.get("generatorURL").toString()).isEqualTo("http://prometheus/graph");
    assertThat(decoded.get("startsAt"))
        .isEqualTo(Instant.parse("2026-03-01T12:00:00Z").toEpochMilli());
    assertThat(get("/subjects")).contains("registry-it-alerts-value");
  }

  @Test
  void recordsWrittenWithTheFirstSchemaStillRead() throws Exception {
    String subjectTopic = "registry-it-evolution";
    Schema v1;
    try (InputStream in = SchemaRegistryIT.class.getResourceAsStream("/AlertEvent-v1.avsc")) {
      v1 = new Schema.Parser().parse(in);
    }
    GenericRecord old = new GenericData.Record(v1);
    old.put("labels", Map.of("alertname", "Old"));
    old.put("annotations", Map.of());
    old.put("startsAt", null);
    old.put("endsAt", null);
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(registryUrl);
    byte[] oldBytes = new AvroSerializer<GenericRecord>(client).serialize(subjectTopic, old);
    put("/config/" + subjectTopic + "-value", "{\"compatibility\":\"BACKWARD\"}");

    // The current schema registers under BACKWARD compatibility and reads the old record.
    byte[] newBytes =
        new AvroSerializer<AlertEvent>(client)
            .serialize(
                subjectTopic,
                AlertEvent.newBuilder().setLabels(Map.of("alertname", "New")).build());
    AvroDeserializer<AlertEvent> reader = new AvroDeserializer<>(AlertEvent.class, client);
    AlertEvent readOld = reader.deserialize(subjectTopic, oldBytes);

    assertThat(readOld.getLabels()).containsEntry("alertname", "Old");
    assertThat(readOld.getGeneratorURL()).isNull();
    assertThat(readOld.getReceivedAt()).isNull();
    assertThat(reader.deserialize(subjectTopic, newBytes).getLabels())
        .containsEntry("alertname", "New");
    assertThat(get("/subjects/" + subjectTopic + "-value/versions")).isEqualTo("[1,2]");
  }

  private static String get(String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(registryUrl + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static void put(String path, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(registryUrl + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
  }
}
