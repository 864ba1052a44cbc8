package io.alertstream.connectors.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.NetworkTransport;
import io.alertstream.connectors.delivery.SmtpSender;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JiraDeliveryTest {

  private final WireMockServer jira = new WireMockServer(wireMockConfig().dynamicPort());
  private final NetworkTransport transport =
      new NetworkTransport(
          new JdkHttpSender(Duration.ofSeconds(2), Clock.systemUTC()),
          new SmtpSender(Duration.ofSeconds(2)));

  @BeforeEach
  void start() {
    jira.start();
  }

  @AfterEach
  void stop() {
    jira.stop();
  }

  private String settings() {
    return "{api_url: '"
        + jira.baseUrl()
        + "/rest/api/2', project: OPS, issue_type: Bug, resolve_transition: Done,"
        + " http_config: {basic_auth: {username: bot, password: s3cret}}}";
  }

  private AttemptResult deliver(boolean firing) throws Exception {
    return transport.send(
        JiraNotifierTest.prepare(settings(), JiraNotifierTest.diskFull(firing, "warning")));
  }

  @Test
  void aFiringGroupCreatesItsIssueWithBasicAuth() throws Exception {
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/search"))
            .willReturn(aResponse().withStatus(200).withBody("{\"issues\":[]}")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue"))
            .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"1\",\"key\":\"OPS-1\"}")));

    assertThat(deliver(true)).isEqualTo(new AttemptResult.Delivered(201));
    jira.verify(
        postRequestedFor(urlPathEqualTo("/rest/api/2/issue"))
            .withHeader("Authorization", equalTo("Basic Ym90OnMzY3JldA=="))
            .withHeader("Accept-Language", equalTo("en")));
  }

  @Test
  void aResolvedGroupUpdatesAndTransitionsItsIssue() throws Exception {
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/search"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"issues\":[{\"key\":\"OPS-3\",\"fields\":{\"status\":"
                            + "{\"statusCategory\":{\"key\":\"indeterminate\"}}}}]}")));
    jira.stubFor(
        put(urlPathEqualTo("/rest/api/2/issue/OPS-3")).willReturn(aResponse().withStatus(204)));
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/issue/OPS-3/transitions"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("{\"transitions\":[{\"id\":\"41\",\"name\":\"Done\"}]}")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue/OPS-3/transitions"))
            .willReturn(aResponse().withStatus(204)));

    assertThat(deliver(false)).isEqualTo(new AttemptResult.Delivered(204));
    jira.verify(putRequestedFor(urlPathEqualTo("/rest/api/2/issue/OPS-3")));
    jira.verify(
        postRequestedFor(urlPathEqualTo("/rest/api/2/issue/OPS-3/transitions"))
            .withRequestBody(equalTo("{\"transition\":{\"id\":\"41\"}}")));
  }

  @Test
  void answersAreClassifiedAsAlertmanagerDoes() throws Exception {
    record Case(int status, Class<? extends AttemptResult> outcome) {}
    for (Case c :
        List.of(
            new Case(400, AttemptResult.Failed.class),
            new Case(401, AttemptResult.Failed.class),
            new Case(403, AttemptResult.Failed.class),
            new Case(429, AttemptResult.Retry.class),
            new Case(500, AttemptResult.Retry.class),
            new Case(503, AttemptResult.Retry.class))) {
      jira.stubFor(
          post(urlPathEqualTo("/rest/api/2/search"))
              .willReturn(
                  aResponse()
                      .withStatus(c.status())
                      .withBody("{\"errorMessages\":[\"no\"],\"errors\":{}}")));
      AttemptResult outcome = deliver(true);
      assertThat(outcome).as("%s", c).isInstanceOf(c.outcome());
      assertThat(outcome.toString()).contains("search").doesNotContain("s3cret");
    }
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/search"))
            .willReturn(aResponse().withStatus(200).withBody("{\"issues\":[]}")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue"))
            .willReturn(
                aResponse().withStatus(400).withBody("{\"errors\":{\"priority\":\"bad\"}}")));
    assertThat(deliver(true)).isInstanceOf(AttemptResult.Failed.class);
  }
}
