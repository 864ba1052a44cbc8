package io.alertstream.connectors.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.sns.SnsConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.GroupKeyHash;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnsNotifierTest {

  private static final String LIST =
      "Labels:\n - alertname = DiskFull\nAnnotations:\nSource: http://prom/graph\n";
  private static final String PUBLISHED =
      "<PublishResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
          + "<MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1"
          + "</RequestId></ResponseMetadata></PublishResponse>";

  private final WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
  private final JdkHttpSender http = new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC());
  private final MovableClock clock = new MovableClock();

  @BeforeEach
  void start() {
    peer.start();
  }

  @AfterEach
  void stop() {
    peer.stop();
  }

  private Outbound.Exchange prepare(String entry, boolean firing) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  sns_configs:\n  - "
                    + entry
                    + "\n");
    Notification n =
        TestNotifications.of(
            "sns",
            Map.of("alertname", "DiskFull"),
            Map.of("alertname", "DiskFull"),
            List.of(TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), firing)));
    return (Outbound.Exchange)
        new SnsNotifier(clock)
            .prepare(
                n,
                TestNotifications.settings(config, "sns", SnsConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  private String local(String more) {
    return "{api_url: '"
        + peer.baseUrl()
        + "', sigv4: {region: us-east-1, access_key: AKIDEXAMPLE, secret_key: SKEXAMPLE}"
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

  private void answer(int status, String body) {
    peer.resetAll();
    peer.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(status).withBody(body)));
  }

  private LoggedRequest received() {
    List<LoggedRequest> all = peer.findAll(postRequestedFor(urlEqualTo("/")));
    return all.get(all.size() - 1);
  }

  private static Map<String, String> form(byte[] body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void aPublishIsASortedQueryForm() throws Exception {
    var exchange =
        prepare(
            "{topic_arn: 'arn:aws:sns:us-east-1:123456789012:ops', subject: 'S 1', message: 'a*b~',"
                + " attributes: {sev: '{{ .CommonLabels.alertname }}', team: ops},"
                + " sigv4: {region: us-east-1, access_key: AKIDTEST, secret_key: SKTEST}}",
            true);

    assertThat(exchange.first().url())
        .isEqualTo(URI.create("https://sns.us-east-1.amazonaws.com/"));
    assertThat(exchange.first().headers())
        .containsEntry("Content-Type", "application/x-www-form-urlencoded");
    assertThat(new String(exchange.first().body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "Action=Publish&Message=a%2Ab~"
                + "&MessageAttributes.entry.1.Name=sev"
                + "&MessageAttributes.entry.1.Value.DataType=String"
                + "&MessageAttributes.entry.1.Value.StringValue=DiskFull"
                + "&MessageAttributes.entry.2.Name=team"
                + "&MessageAttributes.entry.2.Value.DataType=String"
                + "&MessageAttributes.entry.2.Value.StringValue=ops"
                + "&Subject=S+1&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aops"
                + "&Version=2010-03-31");
  }

  @Test
  void theDefaultsAreTheSubjectAndAlertmanagersMessage() throws Exception {
    Map<String, String> form =
        form(
            prepare(
                    "{target_arn: 'arn:aws:sns:us-east-1:1:endpoint/APNS/app/x', sigv4: {region: us-east-1, access_key: AKIDTEST, secret_key: SKTEST}}",
                    false)
                .first()
                .body());

    assertThat(form)
        .containsEntry("Subject", "[RESOLVED] DiskFull ")
        .containsEntry("Message", "\n\n\nAlerts Resolved:\n" + LIST + "\n\n")
        .containsEntry("TargetArn", "arn:aws:sns:us-east-1:1:endpoint/APNS/app/x")
        .doesNotContainKey("TopicArn");
  }

  @Test
  void anEmptySubjectSettingSendsNoSubject() throws Exception {
    assertThat(
            form(
                prepare(
                        "{topic_arn: t, subject: '', sigv4: {region: us-east-1, access_key: AKIDTEST, secret_key: SKTEST}}",
                        true)
                    .first()
                    .body()))
        .doesNotContainKey("Subject");
  }

  @Test
  void aFifoTopicGetsTheGroupKeysHashAsGroupAndDeduplicationId() throws Exception {
    String hash = GroupKeyHash.of("{}:{alertname=\"DiskFull\"}");
    Map<String, String> form =
        form(
            prepare(
                    "{topic_arn: 'arn:aws:sns:us-east-1:1:ops.fifo', sigv4: {region: us-east-1, access_key: AKIDTEST, secret_key: SKTEST}}",
                    true)
                .first()
                .body());

    assertThat(form)
        .containsEntry("MessageGroupId", hash)
        .containsEntry("MessageDeduplicationId", hash);
    assertThat(
            form(
                prepare(
                        "{topic_arn: 'arn:aws:sns:us-east-1:1:ops', sigv4: {region: us-east-1, access_key: AKIDTEST, secret_key: SKTEST}}",
                        true)
                    .first()
                    .body()))
        .doesNotContainKey("MessageGroupId");
  }

  @Test
  void anSmsIsCutAt1600BytesAndMarkedTruncated() throws Exception {
    Map<String, String> form =
        form(
            prepare(
                    "{phone_number: '+15555550100', message: '"
                        + "€".repeat(700)
                        + "', sigv4: {region: us-east-1, access_key: AKIDTEST, secret_key: SKTEST}}",
                    true)
                .first()
                .body());

    assertThat(form.get("Message").getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(1600);
    assertThat(form.get("Message")).isEqualTo("€".repeat(533));
    assertThat(form)
        .containsEntry("MessageAttributes.entry.1.Name", "truncated")
        .containsEntry("MessageAttributes.entry.1.Value.StringValue", "true");
    assertThat(SnsNotifier.truncateInBytes("x".repeat(300_000), SnsNotifier.MAX_MESSAGE_BYTES))
        .hasSize(256 * 1024);
  }

  @Test
  void theCallIsSignedWhenSentAndTheSignatureMatchesWhatWasSent() throws Exception {
    answer(200, PUBLISHED);
    var exchange = prepare(local(", topic_arn: 'arn:aws:sns:us-east-1:1:ops'"), true);

    assertThat(run(exchange)).isInstanceOf(AttemptResult.Delivered.class);
    LoggedRequest first = received();
    assertThat(first.getHeader("Authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260301/us-east-1/sns/aws4_request");
    assertThat(first.getHeader("X-Amz-Date")).isEqualTo("20260301T120000Z");
    assertThat(SigV4Check.valid(first, "SKEXAMPLE")).isTrue();
    assertThat(SigV4Check.valid(first, "another-key")).isFalse();

    clock.advance(Duration.ofMinutes(7));
    run(exchange);
    LoggedRequest retried = received();
    assertThat(retried.getHeader("X-Amz-Date")).isEqualTo("20260301T120700Z");
    assertThat(SigV4Check.valid(retried, "SKEXAMPLE")).isTrue();
    assertThat(exchange.first().http().authorization()).isEmpty();
  }

  @Test
  void answersAreClassifiedAsAlertmanagerDoesWithThrottlingRetried() throws Exception {
    var exchange = prepare(local(", topic_arn: 'arn:aws:sns:us-east-1:1:ops'"), true);

    answer(200, PUBLISHED);
    assertThat(run(exchange)).isInstanceOf(AttemptResult.Delivered.class);
    answer(500, "<ErrorResponse><Error><Code>InternalError</Code></Error></ErrorResponse>");
    assertThat(run(exchange)).isInstanceOf(AttemptResult.Retry.class);
    answer(400, error("Sender", "Throttling", "Rate exceeded"));
    assertThat(run(exchange)).isInstanceOf(AttemptResult.Retry.class);
    answer(429, "");
    assertThat(run(exchange)).isInstanceOf(AttemptResult.Retry.class);
    answer(
        403,
        error(
            "Sender",
            "InvalidClientTokenId",
            "The security token included in the request is invalid."));
    assertThat(run(exchange))
        .isInstanceOfSatisfying(
            AttemptResult.Failed.class,
            f ->
                assertThat(f.reason())
                    .isEqualTo(
                        "SNS answered 403: InvalidClientTokenId: The security token included in the request is invalid.")
                    .doesNotContain("AKIDEXAMPLE"));
    answer(401, error("Sender", "SignatureDoesNotMatch", "signature mismatch"));
    assertThat(run(exchange)).isInstanceOf(AttemptResult.Failed.class);
    answer(400, error("Sender", "InvalidParameter", "Invalid parameter: TopicArn"));
    assertThat(run(exchange)).isInstanceOf(AttemptResult.Failed.class);
  }

  private static String error(String type, String code, String message) {
    return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>"
        + type
        + "</Type><Code>"
        + code
        + "</Code><Message>"
        + message
        + "</Message></Error><RequestId>r-2</RequestId></ErrorResponse>";
  }

  @Test
  void theApiUrlIsATemplateAndABareHostGetsAPath() throws Exception {
    var exchange =
        prepare(
            "{api_url: 'https://sns-{{ .CommonLabels.alertname | toLower }}.example', topic_arn: t, sigv4: {region: us-east-1, access_key: AKIDTEST, secret_key: SKTEST}}",
            true);

    assertThat(exchange.first().url()).isEqualTo(URI.create("https://sns-diskfull.example/"));
    assertThat(exchange.host()).isEqualTo("sns-diskfull.example");
    assertThat(SnsNotifier.endpoint("", "cn-north-1"))
        .isEqualTo(URI.create("https://sns.cn-north-1.amazonaws.com.cn/"));
  }

  @Test
  void theDefaultMessageMatchesAlertmanagers() throws Exception {
    Notification both =
        TestNotifications.of(
            "sns",
            Map.of("alertname", "DiskFull"),
            Map.of("alertname", "DiskFull"),
            List.of(
                TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), true),
                TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), false)));
    Notification annotated =
        Notification.newBuilder(both).setCommonAnnotations(Map.of("summary", "full")).build();

    assertThat(
            TenantTemplates.DEFAULTS.renderText(
                "{{ template \"sns.default.message\" . }}", NotificationData.of(annotated)))
        .isEqualTo("full\n\nAlerts Firing:\n" + LIST + "\n\n\nAlerts Resolved:\n" + LIST + "\n\n");
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-03-01T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
