package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.alertstream.api.server.TopicPlan;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.topology.streams.DeadLetter;
import io.alertstream.topology.streams.TopologySettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An {@code ./alertstream server} instance whose schema registry (behind a WireMock proxy) goes
 * down while a config it has never seen the schema of waits on the configs topic: the config is
 * applied once the registry is back, not skipped; a config record that is not Avro at all is
 * dead-lettered with the reason meanwhile.
 */
class RegistryOutageIT {

  private static final String TENANT = "registry-outage";
  private static final String YAML =
      "route:\n  receiver: ops\nreceivers:\n  - name: ops\n"
          + "    webhook_configs:\n      - url: http://127.0.0.1:9/outage\n";

  private static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static WireMockServer registryProxy;
  private static String registryUrl;
  private static ServerProcess instance;

  @BeforeAll
  static void start() throws Exception {
    registryUrl = TestStacks.shared().registryUrl();
    dir = Files.createTempDirectory("alertstream-registry-outage");
    int[] ports = TestStacks.distinctFreePorts(3);
    broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), ports[0], ports[1]);
    Properties props = new Properties();
    props.put("bootstrap.servers", broker.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      TopicPlan.ensure(admin, TopicPlan.topics(1, (short) 1, TopologySettings.INTEGRATION_TYPES));
    }
    registryProxy = new WireMockServer(options().dynamicPort());
    registryProxy.start();
    registryProxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(registryUrl)));
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
    settings.put("registry.url", registryProxy.baseUrl());
    // A replaced stream thread's tasks come back after the old member's session times out.
    settings.put("kafka.session.timeout.ms", "6000");
    settings.put("kafka.heartbeat.interval.ms", "1500");
    settings.put("state.dir", dir.resolve("state").toString());
    settings.put("api.host", "127.0.0.1");
    settings.put("api.port", Integer.toString(ports[2]));
    settings.put("streams.replication.factor", "1");
    instance =
        ServerProcess.start("outage", settings, dir.resolve("logs"), Duration.ofSeconds(120));
  }

  @AfterAll
  static void stop() {
    if (instance != null) {
      instance.close();
    }
    if (registryProxy != null) {
      registryProxy.stop();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aConfigReadWhileTheRegistryIsDownIsAppliedOnceItIsBack() throws Exception {
    StubMapping down =
        registryProxy.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(503)));
    try (var producer = producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.CONFIGS, "garbage-tenant", "not avro".getBytes(StandardCharsets.UTF_8)))
          .get();
      producer.send(new ProducerRecord<>(Topics.CONFIGS, TENANT, config())).get();
    }

    // The garbage is dead-lettered at once: the registry is not needed to see it is not Avro.
    var dead =
        TestStacks.awaitRecord(
            broker.bootstrapServers(), Topics.ALERTS_DLQ, "garbage-tenant", r -> true);
    assertThat(TestStacks.header(dead, DeadLetter.SOURCE_TOPIC)).isEqualTo(Topics.CONFIGS);
    assertThat(TestStacks.header(dead, DeadLetter.REASON)).contains("Confluent wire format");
    // The stream thread asks for the config's schema again and again for its patience (5 s),
    // then fails and is replaced.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> instance.log().contains("the schema registry is unavailable"));
    assertThat(registryProxy.findAll(getRequestedFor(urlPathMatching("/schemas/ids/.*"))))
        .hasSizeGreaterThan(5);
    assertThat(configOf(TENANT).statusCode()).isNotEqualTo(200);

    registryProxy.removeStub(down);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              HttpResponse<String> answer = configOf(TENANT);
              assertThat(answer.statusCode()).isEqualTo(200);
              assertThat(answer.body()).contains("- name: ops").contains("url: <secret>");
            });
    assertThat(instance.isAlive()).isTrue();
  }

  private static byte[] config() {
    TenantConfig config =
        TenantConfig.newBuilder()
            .setTenant(TENANT)
            .setVersion(1)
            .setAlertmanagerConfig(YAML)
            .setUpdatedAt(Instant.now())
            .build();
    return new AvroSerializer<TenantConfig>(new RestSchemaRegistryClient(registryUrl))
        .serialize(Topics.CONFIGS, config);
  }

  private static KafkaProducer<String, byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  private static HttpResponse<String> configOf(String tenant) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(instance.apiUrl() + "/api/v1/alerts"))
                .header("X-Scope-OrgID", tenant)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
