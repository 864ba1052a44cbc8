package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.alertstream.config.receivers.IntegrationTypes;
import io.alertstream.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every receiver type of current Alertmanager, in one receiver, delivered by the stack's real
 * Connect worker to local endpoints: WireMock stubs answering as each API documents a success
 * (GreenMail for email; Pushover, whose API address is fixed, through the connector's endpoint
 * override). A second tenant with the same receiver in dry run records one request per type with
 * every secret masked.
 */
class EveryReceiverIT {

  private static final WireMockServer apis = new WireMockServer(wireMockConfig().dynamicPort());
  private static final WireMockServer pushover =
      new WireMockServer(wireMockConfig().port(TestStacks.RELAY_PORT));
  private static GreenMail smtp;
  private static LocalStack stack;

  /** Secrets of the config; none may show in logs, the DLQ or dry-run records. */
  private static final List<String> SECRETS =
      List.of(
          "pd-routing-secret-1",
          "og-key-secret-2",
          "wc-api-secret-3",
          "vo-key-secret-4",
          "po-user-secret-5",
          "po-token-secret-6",
          "sns-secret-key-7",
          "tg-bot-secret-8",
          "wx-credentials-secret-9",
          "jira-password-secret-10",
          "io-source-token-11",
          "rc-token-secret-12",
          "discord-hook-secret-13",
          "mm-hook-secret-14",
          "teams-hook-secret-15",
          "workflow-sig-secret-16",
          "slack-hook-secret-17",
          "webhook-secret-18");

  @BeforeAll
  static void start() throws Exception {
    apis.start();
    pushover.start();
    apis.stubFor(
        any(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));
    apis.stubFor(
        get(urlPathEqualTo("/wechat/gettoken"))
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"errcode\":0,\"access_token\":\"wc-token\",\"expires_in\":7200}")));
    apis.stubFor(
        post(urlPathEqualTo("/wechat/message/send"))
            .willReturn(aResponse().withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    apis.stubFor(
        post(urlPathEqualTo("/telegram/bot" + "tg-bot-secret-8" + "/sendMessage"))
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":0,"
                            + "\"chat\":{\"id\":42,\"type\":\"private\"}}}")));
    apis.stubFor(
        post(urlPathEqualTo("/sns/"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<PublishResponse><PublishResult><MessageId>m-1</MessageId>"
                            + "</PublishResult></PublishResponse>")));
    apis.stubFor(
        post(urlPathEqualTo("/jira/rest/api/2/search"))
            .willReturn(aResponse().withBody("{\"total\":0,\"issues\":[]}")));
    apis.stubFor(
        post(urlPathEqualTo("/jira/rest/api/2/issue"))
            .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"1\",\"key\":\"OPS-1\"}")));
    apis.stubFor(
        post(urlPathEqualTo("/rocketchat/api/v1/chat.postMessage"))
            .willReturn(aResponse().withBody("{\"success\":true}")));
    pushover.stubFor(
        post(urlPathEqualTo("/1/messages.json"))
            .willReturn(aResponse().withBody("{\"status\":1,\"request\":\"r-1\"}")));
    smtp =
        new GreenMail(
            new ServerSetup(TestStacks.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    stack = TestStacks.shared();
  }

  @AfterAll
  static void stop() throws Exception {
    apis.stop();
    pushover.stop();
    if (smtp != null) {
      smtp.stop();
    }
    SecretLeaks.assertNoneLeaked(stack, SECRETS);
  }

  /** One receiver with one integration of every type, all pointing at the local endpoints. */
  private static String config(String tenant) {
    String base = apis.baseUrl();
    return "global:\n"
        + "  smtp_smarthost: '127.0.0.1:"
        + smtp.getSmtp().getPort()
        + "'\n  smtp_from: alerts@example.org\n  smtp_require_tls: false\n"
        + "route:\n  receiver: everyone\n  group_by: [alertname]\n  group_wait: 1s\n"
        + "  group_interval: 1m\n"
        + "receivers:\n- name: everyone\n"
        + "  webhook_configs: [{url: '"
        + base
        + "/webhook/webhook-secret-18'}]\n"
        + "  email_configs: [{to: 'oncall@example.org'}]\n"
        + "  pagerduty_configs: [{routing_key: pd-routing-secret-1, url: '"
        + base
        + "/pagerduty'}]\n"
        + "  opsgenie_configs: [{api_key: og-key-secret-2, api_url: '"
        + base
        + "/opsgenie/'}]\n"
        + "  wechat_configs: [{api_secret: wc-api-secret-3, corp_id: corp, agent_id: '1',"
        + " to_user: '@all', api_url: '"
        + base
        + "/wechat/'}]\n"
        + "  slack_configs: [{api_url: '"
        + base
        + "/slack/slack-hook-secret-17', channel: '#ops'}]\n"
        + "  victorops_configs: [{api_key: vo-key-secret-4, routing_key: team, api_url: '"
        + base
        + "/victorops/'}]\n"
        + "  pushover_configs: [{user_key: po-user-secret-5, token: po-token-secret-6}]\n"
        + "  sns_configs: [{api_url: '"
        + base
        + "/sns/', topic_arn: 'arn:aws:sns:eu-west-1:123456789012:alerts',"
        + " sigv4: {region: eu-west-1, access_key: AKIDEVERY, secret_key: sns-secret-key-7}}]\n"
        + "  telegram_configs: [{bot_token: tg-bot-secret-8, chat_id: 42, api_url: '"
        + base
        + "/telegram'}]\n"
        + "  discord_configs: [{webhook_url: '"
        + base
        + "/discord/discord-hook-secret-13'}]\n"
        + "  webex_configs: [{room_id: room-1, api_url: '"
        + base
        + "/webex/', http_config: {authorization: {credentials: wx-credentials-secret-9}}}]\n"
        + "  msteams_configs: [{webhook_url: '"
        + base
        + "/msteams/teams-hook-secret-15'}]\n"
        + "  msteamsv2_configs: [{webhook_url: '"
        + base
        + "/msteamsv2/invoke?sig=workflow-sig-secret-16'}]\n"
        + "  jira_configs: [{api_url: '"
        + base
        + "/jira/rest/api/2', project: OPS, issue_type: Bug,"
        + " http_config: {basic_auth: {username: bot, password: jira-password-secret-10}}}]\n"
        + "  incidentio_configs: [{url: '"
        + base
        + "/incidentio', alert_source_token: io-source-token-11}]\n"
        + "  rocketchat_configs: [{api_url: '"
        + base
        + "/rocketchat', token: rc-token-secret-12, token_id: rc-user, channel: '#ops'}]\n"
        + "  mattermost_configs: [{webhook_url: '"
        + base
        + "/mattermost/mm-hook-secret-14'}]\n";
  }

  /** The path each type's request goes to. */
  private static final Map<String, String> PATHS = paths();

  private static Map<String, String> paths() {
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("webhook", "/webhook/webhook-secret-18");
    paths.put("pagerduty", "/pagerduty");
    paths.put("opsgenie", "/opsgenie/v2/alerts");
    paths.put("wechat", "/wechat/message/send");
    paths.put("slack", "/slack/slack-hook-secret-17");
    paths.put("victorops", "/victorops/vo-key-secret-4/team");
    paths.put("sns", "/sns/");
    paths.put("telegram", "/telegram/bottg-bot-secret-8/sendMessage");
    paths.put("discord", "/discord/discord-hook-secret-13");
    paths.put("webex", "/webex/");
    paths.put("msteams", "/msteams/teams-hook-secret-15");
    paths.put("msteamsv2", "/msteamsv2/invoke");
    paths.put("jira", "/jira/rest/api/2/issue");
    paths.put("incidentio", "/incidentio");
    paths.put("rocketchat", "/rocketchat/api/v1/chat.postMessage");
    paths.put("mattermost", "/mattermost/mm-hook-secret-14");
    return paths;
  }

  @Test
  void everyTypeDeliversFromTheConnectWorkerToItsEndpoint() throws Exception {
    assertThat(IntegrationTypes.ALL.names())
        .containsExactlyInAnyOrderElementsOf(concat(PATHS.keySet(), List.of("email", "pushover")));
    TestStacks.publishConfig(stack, "every-receiver", config("every-receiver"));

    TestStacks.postAlerts(
        stack,
        "every-receiver",
        "[{\"labels\":{\"alertname\":\"EveryReceiver\",\"severity\":\"critical\"},"
            + "\"annotations\":{\"summary\":\"reaches every integration\"}}]");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (Map.Entry<String, String> type : PATHS.entrySet()) {
                assertThat(requestsTo(apis, type.getValue()))
                    .as("%s request to %s", type.getKey(), type.getValue())
                    .isNotEmpty();
              }
              assertThat(requestsTo(pushover, "/1/messages.json")).as("pushover").isNotEmpty();
              assertThat(smtp.getReceivedMessages()).as("email").isNotEmpty();
            });
    for (Map.Entry<String, String> type : PATHS.entrySet()) {
      LoggedRequest request = requestsTo(apis, type.getValue()).get(0);
      assertThat(request.getBodyAsString() + request.getUrl())
          .as("%s request names the alert", type.getKey())
          .contains("EveryReceiver");
    }
    assertThat(requestsTo(pushover, "/1/messages.json").get(0).getBodyAsString())
        .contains("token=po-token-secret-6")
        .contains("EveryReceiver");
    assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains("EveryReceiver");
    assertThat(requestsTo(apis, "/webex/").get(0).getHeader("Authorization"))
        .isEqualTo("Bearer wx-credentials-secret-9");
    assertThat(requestsTo(apis, "/sns/").get(0).getHeader("Authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEVERY/");
    assertThat(requestsTo(apis, "/jira/rest/api/2/search")).hasSize(1);
  }

  @Test
  void inDryRunEveryTypeIsRecordedWithItsSecretsMasked() throws Exception {
    String body =
        "alertstream: {dry_run: true}\nalertmanager_config: |\n"
            + config("every-receiver-dry").replaceAll("(?m)^", "  ");
    HttpResponse<String> stored =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/api/v1/alerts"))
                    .header("X-Scope-OrgID", "every-receiver-dry")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    int before = apis.findAll(anyRequestedFor(urlPathMatching("/.*"))).size();

    TestStacks.postAlerts(
        stack, "every-receiver-dry", "[{\"labels\":{\"alertname\":\"EveryReceiverDry\"}}]");

    List<String> recorded = new ArrayList<>();
    try (var consumer = dryRunConsumer()) {
      consumer.subscribe(List.of(Topics.DRY_RUN));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(500))
                    .forEach(
                        r -> {
                          if ("every-receiver-dry".equals(r.key())) {
                            recorded.add(r.value());
                          }
                        });
                return recorded.size() >= IntegrationTypes.ALL.names().size();
              });
    }
    for (String type : IntegrationTypes.ALL.names()) {
      assertThat(recorded).as(type).anyMatch(r -> r.contains("\"integration\":\"" + type + "\""));
    }
    for (String record : recorded) {
      for (String secret : SECRETS) {
        assertThat(record).doesNotContain(secret);
      }
    }
    assertThat(apis.findAll(anyRequestedFor(urlPathMatching("/.*")))).hasSize(before);
  }

  private static KafkaConsumer<String, String> dryRunConsumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "every-receiver-it-" + System.nanoTime(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new StringDeserializer(),
        new StringDeserializer());
  }

  private static List<LoggedRequest> requestsTo(WireMockServer server, String path) {
    return server.findAll(anyRequestedFor(urlPathEqualTo(path)));
  }

  private static List<String> concat(java.util.Collection<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
