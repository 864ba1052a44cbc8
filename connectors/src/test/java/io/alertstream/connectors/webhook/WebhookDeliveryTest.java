package io.alertstream.connectors.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.Integration;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.ExactIntegration;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.notify.Notifiers;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.Notification;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

  private final WireMockServer peer = new WireMockServer(wireMockConfig().dynamicPort());
  private final JdkHttpSender http = new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC());

  /** The notification, naming the config's webhook. */
  private static Notification to(AlertmanagerConfig config) {
    return TestNotifications.naming(WebhookPayloadTest.notification(1), config);
  }

  /** Delivers as the sink task does: the integration the notification names, then its request. */
  private AttemptResult deliver(Notification n, AlertmanagerConfig config) {
    try {
      Integration webhook = ExactIntegration.find(n, config, 1);
      return http.send(
          (Outbound.HttpCall)
              Notifiers.prepare(new WebhookNotifier(), n, webhook, TenantTemplates.DEFAULTS)
                  .request());
    } catch (Notifier.Refusal e) {
      return new AttemptResult.Failed(e.getMessage());
    }
  }

  @BeforeEach
  void start() {
    peer.start();
  }

  @AfterEach
  void stop() {
    peer.stop();
  }

  @Test
  void postsThePayloadWithTheIdempotencyKey() throws Exception {
    peer.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));

    AlertmanagerConfig config = config("/hook?token=s3cret");

    AttemptResult outcome = deliver(to(config), config);

    assertThat(outcome).isInstanceOf(AttemptResult.Delivered.class);
    peer.verify(
        postRequestedFor(urlPathEqualTo("/hook"))
            .withHeader("Idempotency-Key", equalTo("n-1"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(matchingJsonPath("$.version", equalTo("4")))
            .withRequestBody(matchingJsonPath("$.alerts[0].labels.instance", equalTo("db-0"))));
  }

  @Test
  void retriesServerErrorsAndNeverNamesTheUrl() throws Exception {
    peer.stubFor(
        post(urlPathEqualTo("/hook"))
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3")));

    AlertmanagerConfig config = config("/hook?token=s3cret");

    AttemptResult outcome = deliver(to(config), config);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            AttemptResult.Retry.class,
            r -> {
              assertThat(r.retryAfter()).contains(Duration.ofSeconds(3));
              assertThat(r.reason())
                  .contains("503")
                  .doesNotContain("s3cret")
                  .doesNotContain("localhost");
            });
  }

  @Test
  void aRefusedConnectionIsRetriedWithoutNamingTheUrl() throws Exception {
    AlertmanagerConfig closed =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers: [{name: team-x, webhook_configs: [{url: 'http://127.0.0.1:1/x?token=s3cret'}]}]\n");

    AttemptResult outcome = deliver(to(closed), closed);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            AttemptResult.Retry.class,
            r -> assertThat(r.reason()).doesNotContain("s3cret").doesNotContain("127.0.0.1"));
  }

  @Test
  void aReceiverMissingFromTheConfigCannotBeDelivered() throws Exception {
    AlertmanagerConfig other =
        new ConfigParser().parse("route: {receiver: other}\nreceivers: [{name: other}]\n");

    AttemptResult outcome = deliver(to(config("/hook")), other);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            AttemptResult.Failed.class,
            f ->
                assertThat(f.reason())
                    .contains("\"team-x\"")
                    .contains("removed in config version 1"));
  }

  @Test
  void httpConfigsProxyAndAuthorizationAreUsed() throws Exception {
    peer.stubFor(post(urlPathEqualTo("/via-proxy")).willReturn(aResponse().withStatus(200)));
    AlertmanagerConfig proxied =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers: [{name: team-x, webhook_configs: [{url:"
                    + " 'http://unresolvable.invalid/via-proxy', http_config: {proxy_url: '"
                    + peer.baseUrl()
                    + "', bearer_token: t0ken}}]}]\n");

    AttemptResult outcome = deliver(to(proxied), proxied);

    assertThat(outcome).isInstanceOf(AttemptResult.Delivered.class);
    peer.verify(
        postRequestedFor(urlPathEqualTo("/via-proxy"))
            .withHeader("Host", equalTo("unresolvable.invalid"))
            .withHeader("Authorization", equalTo("Bearer t0ken")));
  }

  private AlertmanagerConfig config(String path) throws Exception {
    return new ConfigParser()
        .parse(
            "route: {receiver: team-x}\nreceivers: [{name: team-x, webhook_configs: [{url: '"
                + peer.baseUrl()
                + path
                + "'}]}]\n");
  }
}
