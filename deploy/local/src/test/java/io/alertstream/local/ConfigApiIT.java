package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mimir's config API end to end: the real broker, the topology's store, the webhook sink. */
class ConfigApiIT {

  private static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    receiver.start();
    receiver.stubFor(post(urlPathEqualTo("/db")).willReturn(aResponse().withStatus(200)));
    receiver.stubFor(post(urlPathEqualTo("/default")).willReturn(aResponse().withStatus(200)));
    stack = TestStacks.shared();
  }

  @AfterAll
  static void stop() {
    receiver.stop();
  }

  private static String config(String dbRoute) {
    return "alertmanager_config: |\n"
        + "  route:\n"
        + "    receiver: default\n"
        + "    group_by: [alertname]\n"
        + "    group_wait: 0s\n"
        + "    routes:\n"
        + "      - matchers: ['"
        + dbRoute
        + "']\n"
        + "        receiver: db\n"
        + "  receivers:\n"
        + "    - name: default\n"
        + "      webhook_configs: [{url: '"
        + receiver.baseUrl()
        + "/default?token=s3cret'}]\n"
        + "    - name: db\n"
        + "      webhook_configs: [{url: '"
        + receiver.baseUrl()
        + "/db?token=s3cret'}]\n";
  }

  @Test
  void uploadReadReplaceAndDeleteATenantConfig() throws Exception {
    String tenant = "config-api-it";
    assertThat(send(tenant, "GET", null).statusCode()).isEqualTo(404);

    assertThat(send(tenant, "POST", config("team=\"db\"")).statusCode()).isEqualTo(201);
    var read = send(tenant, "GET", null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("receiver: db").contains("<secret>").doesNotContain("s3cret");

    TestStacks.postAlerts(
        stack, tenant, "[{\"labels\":{\"alertname\":\"SlowQuery\",\"team\":\"db\"}}]");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                receiver.verify(
                    postRequestedFor(urlPathEqualTo("/db"))
                        .withRequestBody(
                            matchingJsonPath(
                                "$.groupKey",
                                equalTo("{}/{team=\"db\"}:{alertname=\"SlowQuery\"}")))));

    var refused = send(tenant, "POST", config("team=~\"(db\""));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("error parsing regexp");
    assertThat(send(tenant, "GET", null).body()).contains("team=\"db\"");

    assertThat(send(tenant, "POST", config("team=\"storage\"")).statusCode()).isEqualTo(201);
    TestStacks.postAlerts(
        stack, tenant, "[{\"labels\":{\"alertname\":\"SlowQuery2\",\"team\":\"db\"}}]");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                receiver.verify(
                    postRequestedFor(urlPathEqualTo("/default"))
                        .withRequestBody(
                            matchingJsonPath(
                                "$.alerts[0].labels.alertname", equalTo("SlowQuery2")))));

    assertThat(send(tenant, "DELETE", null).statusCode()).isEqualTo(200);
    assertThat(send(tenant, "GET", null).statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> send(String tenant, String method, String body)
      throws Exception {
    return TestStacks.send(stack, method, "/api/v1/alerts", tenant, body);
  }
}
