package io.alertstream.connectors.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.wechat.WechatConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WechatNotifierTest {

  private static final String TOKEN_OK =
      "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"tok-1\",\"expires_in\":7200}";
  private static final String MESSAGE =
      "[FIRING:1] DiskFull \n\nAlerts Firing:\nLabels:\n - alertname = DiskFull\nAnnotations:\n"
          + "Source: http://prom/graph\n\n\nAlertmanagerUrl:\n"
          + "http://alertstream:9093/#/alerts?receiver=team-x";

  private final WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
  private final JdkHttpSender http = new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC());
  private final MutableClock clock = new MutableClock();
  private final WechatNotifier notifier = new WechatNotifier(clock);

  @BeforeEach
  void start() {
    peer.start();
  }

  @AfterEach
  void stop() {
    peer.stop();
  }

  private static WechatConfig settings(String entry) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  wechat_configs:\n  - "
                    + entry
                    + "\n");
    return TestNotifications.settings(config, "wechat", WechatConfig.class);
  }

  private Outbound.Exchange prepare(String entry) throws Exception {
    return (Outbound.Exchange)
        notifier
            .prepare(
                TestNotifications.diskFull("wechat"), settings(entry), TenantTemplates.DEFAULTS)
            .request();
  }

  private String local(String more) {
    return "{api_secret: 's3c ret', corp_id: corp-1, api_url: '"
        + peer.baseUrl()
        + "/cgi-bin'"
        + more
        + "}";
  }

  private AttemptResult run(Outbound.Exchange exchange) {
    return exchange
        .conversation()
        .run(
            new Outbound.Caller() {
              @Override
              public Outbound.Answer call(Outbound.HttpCall call) throws Outbound.NoAnswer {
                return http.answer(call);
              }

              @Override
              public AttemptResult outcome(Outbound.HttpCall call, Outbound.Answer answer) {
                return http.outcome(call, answer);
              }
            });
  }

  private void stubToken(String body) {
    peer.stubFor(
        get(urlPathEqualTo("/cgi-bin/gettoken"))
            .willReturn(aResponse().withStatus(200).withBody(body)));
  }

  private void stubSend(int status, String body) {
    peer.stubFor(
        post(urlPathEqualTo("/cgi-bin/message/send"))
            .willReturn(aResponse().withStatus(status).withBody(body)));
  }

  @Test
  void theFirstCallFetchesATokenWithTheCorpIdAndSecret() throws Exception {
    var exchange = prepare("{api_secret: 's3c ret', corp_id: corp-1}");

    assertThat(exchange.first().method()).isEqualTo("GET");
    assertThat(exchange.first().url().toString())
        .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=corp-1&corpsecret=s3c+ret");
    assertThat(exchange.first().secrets()).extracting(s -> s.value()).containsExactly("s3c ret");
    assertThat(exchange.host()).isEqualTo("qyapi.weixin.qq.com");
  }

  @Test
  void theMessageIsPostedWithTheTokenAsAlertmanagerBuildsIt() throws Exception {
    stubToken(TOKEN_OK);
    stubSend(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

    AttemptResult outcome = run(prepare(local(", to_user: '@all', agent_id: '1000002'")));

    assertThat(outcome).isInstanceOf(AttemptResult.Delivered.class);
    peer.verify(
        getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken"))
            .withQueryParam("corpid", equalTo("corp-1"))
            .withQueryParam("corpsecret", equalTo("s3c ret")));
    var sent = peer.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))).get(0);
    assertThat(sent.queryParameter("access_token").firstValue()).isEqualTo("tok-1");
    assertThat(new String(sent.getBody(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"text\":{\"content\":"
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(MESSAGE)
                + "},\"touser\":\"@all\",\"agentid\":\"1000002\",\"safe\":\"0\",\"msgtype\":\"text\","
                + "\"markdown\":{\"content\":\"\"}}");
  }

  @Test
  void aMarkdownMessageGoesInTheMarkdownContent() throws Exception {
    stubToken(TOKEN_OK);
    stubSend(200, "{\"errcode\":0}");

    run(prepare(local(", message_type: markdown, message: '**{{ .Status }}**'")));

    var sent = peer.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))).get(0);
    assertThat(new String(sent.getBody(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"text\":{\"content\":\"\"},\"safe\":\"0\",\"msgtype\":\"markdown\","
                + "\"markdown\":{\"content\":\"**firing**\"}}");
  }

  @Test
  void theTokenIsKeptForTwoHours() throws Exception {
    stubToken(TOKEN_OK);
    stubSend(200, "{\"errcode\":0}");

    run(prepare(local("")));
    run(prepare(local("")));
    assertThat(peer.findAll(getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")))).hasSize(1);
    clock.advance(Duration.ofHours(2).plusSeconds(1));
    run(prepare(local("")));
    assertThat(peer.findAll(getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")))).hasSize(2);
    assertThat(peer.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")))).hasSize(3);
  }

  @Test
  void anExpiredTokenIsRetriedAndForgotten() throws Exception {
    stubToken(TOKEN_OK);
    stubSend(200, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");

    assertThat(run(prepare(local("")))).isInstanceOf(AttemptResult.Retry.class);
    run(prepare(local("")));
    assertThat(peer.findAll(getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")))).hasSize(2);
  }

  @Test
  void anotherErrorCodeFailsWithWechatsMessage() throws Exception {
    stubToken(TOKEN_OK);
    stubSend(200, "{\"errcode\":81013,\"errmsg\":\"user & party & tag all invalid\"}");

    assertThat(run(prepare(local(""))))
        .isInstanceOfSatisfying(
            AttemptResult.Failed.class,
            f ->
                assertThat(f.reason())
                    .contains("81013")
                    .contains("all invalid")
                    .doesNotContain("tok-1"));
  }

  @Test
  void aSecretWithoutATokenFails() throws Exception {
    stubToken("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");

    assertThat(run(prepare(local(""))))
        .isInstanceOfSatisfying(
            AttemptResult.Failed.class,
            f -> assertThat(f.reason()).isEqualTo("invalid APISecret for CorpID: corp-1"));
  }

  @Test
  void statusesOtherThan200AreRetriedAsAlertmanagerDoes() throws Exception {
    stubToken(TOKEN_OK);
    for (int status : new int[] {400, 401, 403, 429, 503}) {
      stubSend(status, "{}");
      assertThat(run(prepare(local(""))))
          .as("status " + status)
          .isInstanceOf(AttemptResult.Retry.class);
    }
  }

  @Test
  void anUnreachableTokenEndpointIsRetried() throws Exception {
    peer.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).willReturn(aResponse().withStatus(502)));

    assertThat(run(prepare(local("")))).isInstanceOf(AttemptResult.Retry.class);
  }

  @Test
  void theDefaultMessageListsResolvedAlertsToo() throws Exception {
    Notification resolved =
        TestNotifications.of(
            "wechat",
            Map.of("alertname", "DiskFull"),
            Map.of("alertname", "DiskFull"),
            List.of(TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), false)));
    String text =
        TenantTemplates.DEFAULTS.renderText(
            "{{ template \"wechat.default.message\" . }}", NotificationData.of(resolved));

    assertThat(text)
        .isEqualTo(
            "[RESOLVED] DiskFull \n\n\nAlerts Resolved:\nLabels:\n - alertname = DiskFull\n"
                + "Annotations:\nSource: http://prom/graph\n\nAlertmanagerUrl:\n"
                + "http://alertstream:9093/#/alerts?receiver=team-x");
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-03-01T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
