package io.alertstream.connectors.opsgenie;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.opsgenie.OpsgenieConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.GroupKeyHash;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsgenieNotifierTest {

  private static final String ALIAS = GroupKeyHash.of("{}:{alertname=\"DiskFull\"}");
  private static final String SOURCE = "http://alertstream:9093/#/alerts?receiver=team-x";
  private static final String FIRING_DESCRIPTION =
      "\nAlerts Firing:\nLabels:\n - alertname = DiskFull\nAnnotations:\nSource: http://prom/graph\n\n";

  private final WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
  private final JdkHttpSender http = new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC());

  @BeforeEach
  void start() {
    peer.start();
  }

  @AfterEach
  void stop() {
    peer.stop();
  }

  static OpsgenieConfig settings(String entry) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  opsgenie_configs:\n  - "
                    + entry
                    + "\n");
    return TestNotifications.settings(config, "opsgenie", OpsgenieConfig.class);
  }

  static Notification diskFull(boolean firing, Map<String, String> annotations) {
    return TestNotifications.of(
        "opsgenie",
        Map.of("alertname", "DiskFull"),
        Map.of("alertname", "DiskFull"),
        List.of(TestNotifications.alert(Map.of("alertname", "DiskFull"), annotations, firing)));
  }

  static Outbound prepare(String entry, boolean firing) throws Exception {
    return new OpsgenieNotifier()
        .prepare(diskFull(firing, Map.of()), settings(entry), TenantTemplates.DEFAULTS)
        .request();
  }

  private static String body(Outbound.HttpCall call) {
    return new String(call.body(), StandardCharsets.UTF_8);
  }

  @Test
  void aFiringGroupCreatesAnAlertWithAlertmanagersFieldsInOrder() throws Exception {
    var call =
        (Outbound.HttpCall)
            prepare(
                "{api_key: k-1, details: {team: '{{ .CommonLabels.alertname }}'},"
                    + " responders: [{name: 'a,b', type: teams},"
                    + " {id: '{{ if false }}x{{ end }}', type: '{{ if false }}team{{ end }}'},"
                    + " {username: 'u@x', type: user}],"
                    + " tags: ' t1,,t2 ', priority: P2, entity: e, actions: a1, note: n}",
                true);

    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.url().toString()).isEqualTo("https://api.opsgenie.com/v2/alerts");
    assertThat(call.http().authorization().orElseThrow().value()).isEqualTo("GenieKey k-1");
    assertThat(call.headers()).containsEntry("Content-Type", "application/json");
    assertThat(body(call))
        .isEqualTo(
            "{\"alias\":\""
                + ALIAS
                + "\",\"message\":\"[FIRING:1] DiskFull \",\"description\":"
                + "\"\\nAlerts Firing:\\nLabels:\\n - alertname = DiskFull\\nAnnotations:\\n"
                + "Source: http://prom/graph\\n\\n\","
                + "\"details\":{\"alertname\":\"DiskFull\",\"team\":\"DiskFull\"},"
                + "\"source\":\""
                + SOURCE
                + "\",\"responders\":[{\"name\":\"a\",\"type\":\"team\"},"
                + "{\"name\":\"b\",\"type\":\"team\"},{\"username\":\"u@x\",\"type\":\"user\"}],"
                + "\"tags\":[\"t1\",\"t2\"],\"note\":\"n\",\"priority\":\"P2\",\"entity\":\"e\","
                + "\"actions\":[\"a1\"]}");
  }

  @Test
  void emptyOptionalFieldsAreLeftOut() throws Exception {
    var call = (Outbound.HttpCall) prepare("{api_key: k-1, description: ''}", true);

    assertThat(body(call))
        .isEqualTo(
            "{\"alias\":\""
                + ALIAS
                + "\",\"message\":\"[FIRING:1] DiskFull \",\"details\":{\"alertname\":\"DiskFull\"},"
                + "\"source\":\""
                + SOURCE
                + "\"}");
  }

  @Test
  void aResolvedGroupClosesTheAlertByAlias() throws Exception {
    var call =
        (Outbound.HttpCall) prepare("{api_key: k-1, api_url: 'https://og.example/base'}", false);

    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.url().toString())
        .isEqualTo("https://og.example/base/v2/alerts/" + ALIAS + "/close?identifierType=alias");
    assertThat(body(call)).isEqualTo("{\"source\":\"" + SOURCE + "\"}");
  }

  @Test
  void theBaseQueryIsKeptAndIdentifierTypeSetAndSortedAsGoEncodesIt() throws Exception {
    var close =
        (Outbound.HttpCall)
            prepare(
                "{api_key: k-1, api_url: 'https://og.example/?z=1&identifierType=id&a=b%20c'}",
                false);

    assertThat(close.url().toString())
        .isEqualTo(
            "https://og.example/v2/alerts/" + ALIAS + "/close?a=b+c&identifierType=alias&z=1");
  }

  @Test
  void theMessageIsCutAt130Runes() throws Exception {
    var call =
        (Outbound.HttpCall) prepare("{api_key: k, message: '" + "ü".repeat(200) + "'}", true);

    String message =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(call.body())
            .path("message")
            .asText();
    assertThat(message).hasSize(130).endsWith("ü…");
  }

  @Test
  void theDefaultDescriptionListsFiringThenResolvedAfterTheAnnotations() throws Exception {
    Notification mixed =
        TestNotifications.of(
            "opsgenie",
            Map.of("alertname", "DiskFull"),
            Map.of("alertname", "DiskFull"),
            List.of(
                TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of("s", "x"), true),
                TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of("s", "x"), false)));
    Notification withCommon =
        Notification.newBuilder(mixed).setCommonAnnotations(Map.of("b", "two", "a", "one")).build();

    String description =
        TenantTemplates.DEFAULTS.renderText(
            "{{ template \"opsgenie.default.description\" . }}",
            io.alertstream.connectors.rendering.NotificationData.of(withCommon));

    String list =
        "Labels:\n - alertname = DiskFull\nAnnotations:\n - s = x\nSource: http://prom/graph\n";
    assertThat(description)
        .isEqualTo("one two\nAlerts Firing:\n" + list + "\nAlerts Resolved:\n" + list);
  }

  @Test
  void theKeyIsASecretOfTheRequest() throws Exception {
    var call = (Outbound.HttpCall) prepare("{api_key: s3cret}", true);

    assertThat(call.maskedHeaders()).containsEntry("Authorization", "<secret>");
    assertThat(call.secrets()).extracting(s -> s.value()).contains("s3cret");
  }

  @Test
  void answersAreClassifiedAsAlertmanagerDoes() throws Exception {
    var call =
        (Outbound.HttpCall) prepare("{api_key: k-1, api_url: '" + peer.baseUrl() + "'}", true);

    assertThat(outcomeFor(call, 202)).isInstanceOf(AttemptResult.Delivered.class);
    assertThat(outcomeFor(call, 429)).isInstanceOf(AttemptResult.Retry.class);
    assertThat(outcomeFor(call, 503)).isInstanceOf(AttemptResult.Retry.class);
    assertThat(outcomeFor(call, 401)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(outcomeFor(call, 403)).isInstanceOf(AttemptResult.Failed.class);
    assertThat(outcomeFor(call, 400)).isInstanceOf(AttemptResult.Failed.class);
    peer.verify(
        postRequestedFor(urlEqualTo("/v2/alerts"))
            .withHeader("Authorization", equalTo("GenieKey k-1")));
  }

  private AttemptResult outcomeFor(Outbound.HttpCall call, int status) {
    peer.resetAll();
    peer.stubFor(
        post(urlEqualTo("/v2/alerts"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withBody("{\"message\":\"m\",\"took\":0.01,\"requestId\":\"r\"}")));
    return http.send(call);
  }

  @Test
  void updateAlertsAlsoSetsMessageAndDescriptionInAnExchange() throws Exception {
    peer.stubFor(post(urlEqualTo("/v2/alerts")).willReturn(aResponse().withStatus(202)));
    peer.stubFor(
        put(urlEqualTo("/v2/alerts/" + ALIAS + "/message?identifierType=alias"))
            .willReturn(aResponse().withStatus(202)));
    peer.stubFor(
        put(urlEqualTo("/v2/alerts/" + ALIAS + "/description?identifierType=alias"))
            .willReturn(aResponse().withStatus(202)));
    var exchange =
        (Outbound.Exchange)
            prepare("{api_key: k-1, update_alerts: true, api_url: '" + peer.baseUrl() + "'}", true);

    AttemptResult outcome = exchange.conversation().run(caller());

    assertThat(outcome).isInstanceOf(AttemptResult.Delivered.class);
    assertThat(exchange.first().url().getPath()).isEqualTo("/v2/alerts");
    peer.verify(
        putRequestedFor(urlEqualTo("/v2/alerts/" + ALIAS + "/message?identifierType=alias"))
            .withHeader("Authorization", equalTo("GenieKey k-1"))
            .withRequestBody(equalToJson("{\"message\":\"[FIRING:1] DiskFull \"}")));
    peer.verify(
        putRequestedFor(urlEqualTo("/v2/alerts/" + ALIAS + "/description?identifierType=alias"))
            .withRequestBody(
                equalToJson(
                    "{\"description\":"
                        + new com.fasterxml.jackson.databind.ObjectMapper()
                            .writeValueAsString(FIRING_DESCRIPTION)
                        + "}")));
  }

  @Test
  void aFailedCreateEndsTheExchange() throws Exception {
    peer.stubFor(post(urlEqualTo("/v2/alerts")).willReturn(aResponse().withStatus(429)));
    var exchange =
        (Outbound.Exchange)
            prepare("{api_key: k-1, update_alerts: true, api_url: '" + peer.baseUrl() + "'}", true);

    AttemptResult outcome = exchange.conversation().run(caller());

    assertThat(outcome).isInstanceOf(AttemptResult.Retry.class);
    assertThat(
            peer.findAll(putRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
        .isEmpty();
  }

  @Test
  void aResolvedGroupWithUpdateAlertsIsStillOneClose() throws Exception {
    assertThat(prepare("{api_key: k-1, update_alerts: true}", false))
        .isInstanceOf(Outbound.HttpCall.class);
  }

  private Outbound.Caller caller() {
    return new Outbound.Caller() {
      @Override
      public Outbound.Answer call(Outbound.HttpCall call) throws Outbound.NoAnswer {
        return http.answer(call);
      }

      @Override
      public AttemptResult outcome(Outbound.HttpCall call, Outbound.Answer answer) {
        return http.outcome(call, answer);
      }
    };
  }
}
