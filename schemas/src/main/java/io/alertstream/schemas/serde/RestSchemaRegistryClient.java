package io.alertstream.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Speaks the Confluent Schema Registry REST API (also served by Apicurio's ccompat API), caching
 * ids and schemas so that each is asked for once per process.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;

  /**
   * Per subject, the ids of schemas registered; keyed by the Schema itself (no JSON per record).
   */
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  private final String authorization;

  public RestSchemaRegistryClient(String baseUrl) {
    this(baseUrl, null);
  }

  /**
   * @param basicAuthUserInfo {@code user:password} for a registry behind basic authentication (as
   *     Confluent's {@code basic.auth.user.info}), or null
   */
  public RestSchemaRegistryClient(String baseUrl, String basicAuthUserInfo) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.authorization =
        basicAuthUserInfo == null || basicAuthUserInfo.isEmpty()
            ? null
            : "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int register(String subject, Schema schema) {
    Map<Schema, Integer> ids =
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = ids.get(schema);
    if (cached != null) {
      return cached;
    }
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (IOException e) {
      throw new SchemaRegistryException("could not encode schema for subject " + subject, e);
    }
    String path = "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions";
    JsonNode answer;
    try {
      answer = send(HttpRequest.newBuilder(uri(path)).POST(ofString(body)), path);
    } catch (ConflictException e) {
      // Two writers registering a new subject at once: Apicurio refuses the second with 409.
      // Registering again finds the schema the first one stored.
      answer = send(HttpRequest.newBuilder(uri(path)).POST(ofString(body)), path);
    }
    int id = answer.path("id").asInt(-1);
    if (id < 0) {
      throw new SchemaRegistryException(
          "schema registry answered POST " + path + " without an id: " + answer);
    }
    ids.put(schema, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(id, this::fetchSchema);
  }

  private Schema fetchSchema(int id) {
    String path = "/schemas/ids/" + id;
    JsonNode answer = send(HttpRequest.newBuilder(uri(path)).GET(), path);
    String text = answer.path("schema").asText(null);
    if (text == null) {
      throw new SchemaRegistryException(
          "schema registry answered GET " + path + " without a schema: " + answer);
    }
    return new Schema.Parser().parse(text);
  }

  private JsonNode send(HttpRequest.Builder request, String path) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request
                  .header("Content-Type", CONTENT_TYPE)
                  .header("Accept", CONTENT_TYPE + ", application/json")
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RegistryUnavailableException(
          "schema registry at " + baseUrl + " is unreachable (" + describe(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException("interrupted while calling the schema registry", e);
    }
    if (response.statusCode() == 409) {
      throw new ConflictException(
          "schema registry at " + baseUrl + " answered 409 to " + path + ": " + response.body());
    }
    if (response.statusCode() / 100 == 5 || response.statusCode() == 429) {
      throw new RegistryUnavailableException(
          "schema registry at " + baseUrl + " answered " + response.statusCode() + " to " + path);
    }
    if (response.statusCode() / 100 != 2) {
      throw new SchemaRegistryException(
          "schema registry at "
              + baseUrl
              + " answered "
              + response.statusCode()
              + " to "
              + path
              + ": "
              + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "schema registry answered " + path + " with something that is not JSON", e);
    }
  }

  /** 409: a concurrent registration, or (on retry) a schema the subject's compatibility refuses. */
  private static final class ConflictException extends SchemaRegistryException {
    ConflictException(String message) {
      super(message);
    }
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static HttpRequest.BodyPublisher ofString(String body) {
    return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
