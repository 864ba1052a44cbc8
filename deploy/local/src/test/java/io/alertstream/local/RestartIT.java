package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start on the same data folder picks up where the first left off. */
class RestartIT {

  private final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
  @TempDir Path dataDir;
  @TempDir Path tenantsDir;

  @BeforeEach
  void start() {
    receiver.start();
    receiver.stubFor(post(urlPathEqualTo("/restart")).willReturn(aResponse().withStatus(200)));
  }

  @AfterEach
  void stop() {
    receiver.stop();
  }

  @Test
  void aSecondStartReusesTheDataFolderAndRepeatsNothing() throws Exception {
    Files.writeString(
        tenantsDir.resolve("demo.yml"), TestStacks.webhookConfig(receiver.baseUrl() + "/restart"));
    LocalSettings settings = TestStacks.settings(dataDir, tenantsDir);

    try (LocalStack first = LocalStack.start(settings)) {
      assertThat(first.tenants()).containsExactly("demo");
      postAndAwaitDelivery(first, "BeforeRestart");
    }

    long restarting = System.nanoTime();
    try (LocalStack second = LocalStack.start(settings)) {
      System.out.printf(
          "restart on an existing data folder: %d ms%n",
          (System.nanoTime() - restarting) / 1_000_000);
      postAndAwaitDelivery(second, "AfterRestart");
      receiver.verify(
          1,
          postRequestedFor(urlPathEqualTo("/restart"))
              .withRequestBody(containing("BeforeRestart")));
    }
  }

  private void postAndAwaitDelivery(LocalStack stack, String alertname) throws Exception {
    String body = "[{\"labels\":{\"alertname\":\"" + alertname + "\"}}]";
    assertThat(TestStacks.postAlerts(stack, "demo", body).statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                receiver.verify(
                    1,
                    postRequestedFor(urlPathEqualTo("/restart"))
                        .withRequestBody(containing(alertname))));
  }
}
