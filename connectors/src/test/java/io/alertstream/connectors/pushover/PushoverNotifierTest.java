package io.alertstream.connectors.pushover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.pushover.PushoverConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PushoverNotifierTest {

  private static final String LIST =
      "Labels:\n - alertname = DiskFull\nAnnotations:\nSource: http://prom/graph\n";

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

  private static Outbound.HttpCall prepare(PushoverNotifier notifier, String entry, boolean firing)
      throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  pushover_configs:\n  - "
                    + entry
                    + "\n");
    Notification n =
        TestNotifications.of(
            "pushover",
            Map.of("alertname", "DiskFull"),
            Map.of("alertname", "DiskFull"),
            List.of(TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), firing)));
    return (Outbound.HttpCall)
        notifier
            .prepare(
                n,
                TestNotifications.settings(config, "pushover", PushoverConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  private static Outbound.HttpCall prepare(String entry, boolean firing) throws Exception {
    return prepare(new PushoverNotifier(), entry, firing);
  }

  private static Map<String, String> form(Outbound.HttpCall call) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : new String(call.body(), StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void aFiringGroupIsAnEmergencyFormPostWithSortedParameters() throws Exception {
    var call = prepare("{user_key: u-1, token: t-1}", true);

    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.url()).isEqualTo(URI.create("https://api.pushover.net/1/messages.json"));
    assertThat(call.headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded");
    assertThat(new String(call.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "device=&expire=3600&message=Alerts+Firing%3A%0ALabels%3A%0A+-+alertname+%3D+DiskFull"
                + "%0AAnnotations%3A%0ASource%3A+http%3A%2F%2Fprom%2Fgraph&priority=2&retry=60"
                + "&sound=&title=%5BFIRING%3A1%5D+DiskFull+&token=t-1"
                + "&url=http%3A%2F%2Falertstream%3A9093%2F%23%2Falerts%3Freceiver%3Dteam-x"
                + "&url_title=&user=u-1");
    assertThat(call.maskedBody()).doesNotContain("t-1").doesNotContain("u-1");
  }

  @Test
  void aResolvedGroupHasNormalPriorityAndTheOptionsAreSent() throws Exception {
    Map<String, String> form =
        form(
            prepare(
                "{user_key: u, token: t, html: true, ttl: 2m, retry: 30s, expire: 2h,"
                    + " device: phone, sound: siren, url_title: Open}",
                false));

    assertThat(form)
        .containsEntry("priority", "0")
        .containsEntry("html", "1")
        .containsEntry("ttl", "120")
        .containsEntry("retry", "30")
        .containsEntry("expire", "7200")
        .containsEntry("device", "phone")
        .containsEntry("sound", "siren")
        .containsEntry("url_title", "Open")
        .containsEntry("title", "[RESOLVED] DiskFull ")
        .doesNotContainKey("monospace");
    assertThat(form(prepare("{user_key: u, token: t, monospace: true}", true)))
        .containsEntry("monospace", "1")
        .doesNotContainKey("html")
        .doesNotContainKey("ttl");
  }

  @Test
  void fieldsAreCutToPushoversLimits() throws Exception {
    Map<String, String> form =
        form(
            prepare(
                "{user_key: u, token: t, title: '"
                    + "t".repeat(300)
                    + "', message: '"
                    + "m".repeat(2000)
                    + "', url: 'http://x/"
                    + "u".repeat(600)
                    + "'}",
                true));

    assertThat(form.get("title")).hasSize(250).endsWith("t…");
    assertThat(form.get("message")).hasSize(1024).endsWith("m…");
    assertThat(form.get("url")).hasSize(512).endsWith("u…");
  }

  @Test
  void anEmptyMessageIsSentAsNoDetails() throws Exception {
    assertThat(form(prepare("{user_key: u, token: t, message: '  '}", true)))
        .containsEntry("message", "(no details)");
  }

  @Test
  void anHtmlMessageIsEscaped() throws Exception {
    assertThat(form(prepare("{user_key: u, token: t, html: true, message: '{{ \"<b>\" }}'}", true)))
        .containsEntry("message", "&lt;b&gt;");
  }

  @Test
  void theDefaultMessageHasAlertmanagersBlankLines() throws Exception {
    Notification both =
        TestNotifications.of(
            "pushover",
            Map.of("alertname", "DiskFull"),
            Map.of("alertname", "DiskFull"),
            List.of(
                TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), true),
                TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), false)));
    String text =
        TenantTemplates.DEFAULTS.renderText(
            "{{ template \"pushover.default.message\" . }}", NotificationData.of(both));

    assertThat(text)
        .isEqualTo("\n\nAlerts Firing:\n" + LIST + "\n\n\nAlerts Resolved:\n" + LIST + "\n\n");
  }

  @Test
  void answersAreClassifiedAsAlertmanagerDoes() throws Exception {
    var call =
        prepare(
            new PushoverNotifier(URI.create(peer.baseUrl() + "/1/messages.json")),
            "{user_key: u-1, token: t-1}",
            true);

    assertThat(outcomeFor(call, 200, "{\"status\":1,\"request\":\"r\"}"))
        .isInstanceOf(AttemptResult.Delivered.class);
    assertThat(outcomeFor(call, 500, "")).isInstanceOf(AttemptResult.Retry.class);
    assertThat(outcomeFor(call, 429, "{\"status\":0}")).isInstanceOf(AttemptResult.Failed.class);
    assertThat(outcomeFor(call, 401, "{\"status\":0}")).isInstanceOf(AttemptResult.Failed.class);
    assertThat(
            outcomeFor(
                call,
                400,
                "{\"user\":\"invalid\",\"errors\":[\"user identifier is invalid\"],\"status\":0}"))
        .isInstanceOf(AttemptResult.Failed.class);
    peer.verify(
        postRequestedFor(urlEqualTo("/1/messages.json"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
  }

  private AttemptResult outcomeFor(Outbound.HttpCall call, int status, String body) {
    peer.resetAll();
    peer.stubFor(
        post(urlEqualTo("/1/messages.json"))
            .willReturn(aResponse().withStatus(status).withBody(body)));
    return http.send(call);
  }
}
