package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.connectors.sink.NotificationSinkConfig;
import io.alertstream.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dry run, the egress rule, the notification rate limit and the retry timeout, each on an extra
 * connector that reads the same topic as the stack's own from the end.
 */
class DeliveryGuardsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SLACK_PATH = "/services/T9/B9/dry-run-secret-0f3a";
  private static final String TOKEN = "xoxb-dry-run-token-secret";
  private static final WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
  private static final List<String> extraConnectors = new CopyOnWriteArrayList<>();
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    peer.start();
    peer.stubFor(post(urlPathMatching("/ok/.*")).willReturn(aResponse().withStatus(200)));
    peer.stubFor(post(urlPathMatching("/services/.*")).willReturn(aResponse().withBody("ok")));
    peer.stubFor(post(urlPathMatching("/busy/.*")).willReturn(aResponse().withStatus(503)));
    stack = TestStacks.shared();
  }

  @AfterAll
  static void stop() throws Exception {
    for (String name : extraConnectors) {
      stack.connect().deleteConnector(name, Duration.ofSeconds(30));
    }
    peer.stop();
    SecretLeaks.assertNoneLeaked(stack, List.of(SLACK_PATH, "dry-run-secret", TOKEN));
  }

  /** The keys of every record on the topic, read for {@code during}. */
  private static List<String> keysOf(String topic, Duration during) {
    java.util.Properties props = new java.util.Properties();
    props.put("bootstrap.servers", stack.bootstrapServers());
    props.put("group.id", "it-" + java.util.UUID.randomUUID());
    props.put("auto.offset.reset", "earliest");
    List<String> keys = new java.util.ArrayList<>();
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<>(
            props,
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long end = System.nanoTime() + during.toNanos();
      while (System.nanoTime() < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }

  private static void extraConnector(String name, String type, Map<String, String> settings)
      throws Exception {
    Map<String, String> overrides = new HashMap<>(settings);
    overrides.put("consumer.override.auto.offset.reset", "latest");
    overrides.put(NotificationSinkConfig.RETRY_BACKOFF_MS, "200");
    Map<String, String> config =
        EmbeddedConnect.connectorConfig(stack.bootstrapServers(), stack.registryUrl(), overrides);
    config.put("name", name);
    config.put("topics", Topics.notifications(type));
    stack.connect().putConnector(name, config, Duration.ofSeconds(60));
    extraConnectors.add(name);
    Thread.sleep(2000); // the new consumer group settles on the end of the topic
  }

  @Test
  void aDryRunRecordsTheRequestWithItsSecretsMasked() throws Exception {
    extraConnector("it-slack-dry-run", "slack", Map.of(NotificationSinkConfig.DRY_RUN, "true"));
    TestStacks.publishConfig(
        stack,
        "dry-tenant",
        "route: {receiver: chat, group_wait: 0s}\nreceivers:\n- name: chat\n  slack_configs:\n"
            + "  - api_url: '"
            + peer.baseUrl()
            + SLACK_PATH
            + "'\n    channel: '#dry'\n    http_config: {authorization: {credentials: '"
            + TOKEN
            + "'}}\n");

    TestStacks.postAlerts(stack, "dry-tenant", "[{\"labels\":{\"alertname\":\"DryRun\"}}]");

    var record = TestStacks.awaitRecord(stack, Topics.DRY_RUN, "dry-tenant", r -> true);
    JsonNode recorded = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    assertThat(recorded.path("integration").asText()).isEqualTo("slack");
    assertThat(recorded.path("receiver").asText()).isEqualTo("chat");
    JsonNode request = recorded.path("request");
    assertThat(request.path("target").asText())
        .isEqualTo("http://localhost:" + peer.port() + "/<secret>");
    assertThat(request.path("headers").path("Authorization").asText()).isEqualTo("<secret>");
    JsonNode body = JSON.readTree(request.path("body").asText());
    assertThat(body.path("channel").asText()).isEqualTo("#dry");
    assertThat(body.path("attachments").get(0).path("title").asText())
        .isEqualTo("[FIRING:1]  (DryRun)");
  }

  @Test
  void theEgressRuleAndTheRateLimitSendNotificationsToTheDeadLetterTopic() throws Exception {
    String dlq = "it-guarded-webhook-dlq";
    extraConnector(
        "it-guarded-webhook",
        "webhook",
        Map.of(
            NotificationSinkConfig.BLOCK_PRIVATE,
            "true",
            NotificationSinkConfig.RATE_LIMIT_OVERRIDES,
            "guard-tenant:0.001",
            "errors.deadletterqueue.topic.name",
            dlq));
    TestStacks.publishConfig(
        stack, "guard-tenant", TestStacks.webhookConfig(peer.baseUrl() + "/ok/guard"));

    TestStacks.postAlerts(stack, "guard-tenant", "[{\"labels\":{\"alertname\":\"Guard1\"}}]");
    var first = TestStacks.awaitRecord(stack, dlq, "guard-tenant", r -> true);
    TestStacks.postAlerts(stack, "guard-tenant", "[{\"labels\":{\"alertname\":\"Guard2\"}}]");
    var second =
        TestStacks.awaitRecord(
            stack, dlq, "guard-tenant", r -> TestStacks.deadLetterReason(r).contains("rate"));

    assertThat(TestStacks.deadLetterReason(first))
        .isEqualTo(
            "destination resolves to a private address, which egress.block.private.addresses"
                + " refuses");
    assertThat(TestStacks.deadLetterReason(second))
        .isEqualTo("tenant is over its notification rate limit");
  }

  @Test
  void aTenantsReceiverFirewallFromTheOverridesFileRefusesItsEndpoints() throws Exception {
    java.nio.file.Path overrides = java.nio.file.Files.createTempFile("runtime", ".yaml");
    java.nio.file.Files.writeString(
        overrides,
        "overrides:\n  walled-tenant:\n"
            + "    alertmanager_receivers_firewall_block_cidr_networks: 10.0.0.0/8,127.0.0.0/8\n");
    String dlq = "it-walled-webhook-dlq";
    extraConnector(
        "it-walled-webhook",
        "webhook",
        Map.of(
            NotificationSinkConfig.LIMITS_OVERRIDES_FILE,
            overrides.toString(),
            "errors.deadletterqueue.topic.name",
            dlq));
    for (String tenant : List.of("walled-tenant", "open-tenant")) {
      TestStacks.publishConfig(
          stack, tenant, TestStacks.webhookConfig(peer.baseUrl() + "/ok/" + tenant));
      TestStacks.postAlerts(stack, tenant, "[{\"labels\":{\"alertname\":\"Walled\"}}]");
    }

    var refused = TestStacks.awaitRecord(stack, dlq, "walled-tenant", r -> true);
    assertThat(TestStacks.deadLetterReason(refused))
        .isEqualTo(
            "destination resolves to an address in 127.0.0.0/8, which the tenant's receiver"
                + " firewall refuses (alertmanager_receivers_firewall_block_cidr_networks)");
    assertThat(keysOf(dlq, Duration.ofSeconds(3)))
        .as("another tenant's endpoint at the same address is delivered to")
        .containsOnly("walled-tenant");
  }

  @Test
  void anEndpointThatStaysDownPastTheRetryTimeoutGoesToTheDeadLetterTopic() throws Exception {
    String dlq = "it-impatient-webhook-dlq";
    extraConnector(
        "it-impatient-webhook",
        "webhook",
        Map.of(
            NotificationSinkConfig.RETRY_TIMEOUT_MS,
            "2000",
            "errors.deadletterqueue.topic.name",
            dlq));
    TestStacks.publishConfig(
        stack, "impatient-tenant", TestStacks.webhookConfig(peer.baseUrl() + "/busy/impatient"));

    TestStacks.postAlerts(stack, "impatient-tenant", "[{\"labels\":{\"alertname\":\"Busy\"}}]");

    var dead = TestStacks.awaitRecord(stack, dlq, "impatient-tenant", r -> true);
    assertThat(TestStacks.deadLetterReason(dead))
        .matches("gave up after \\d+ attempts in \\d+ s: unexpected status code 503");
  }
}
