package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.api.ApiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's amtool 0.25, unchanged, against Alertstream with authentication on: the tenant is the
 * basic-auth user of amtool's {@code --http.config.file}.
 */
class AmtoolIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;
  private static ApiServer authenticated;
  private static Path httpConfig;
  private static Path wrongPassword;

  @BeforeAll
  static void start() throws Exception {
    TestStacks.requireBinary(Path.of("/usr/bin/amtool"));
    receiver.start();
    receiver.stubFor(post(urlPathEqualTo("/amtool")).willReturn(aResponse().withStatus(200)));
    stack = TestStacks.shared();
    authenticated = TestStacks.authenticatedApi(stack, Map.of("amtool-tenant", "amtool-pw-1"));
    TestStacks.publishConfig(
        stack, "amtool-tenant", TestStacks.webhookConfig(receiver.baseUrl() + "/amtool"));
    Path dir = Files.createTempDirectory("amtool");
    httpConfig = dir.resolve("http.yml");
    Files.writeString(
        httpConfig, "basic_auth:\n  username: amtool-tenant\n  password: amtool-pw-1\n");
    wrongPassword = dir.resolve("wrong.yml");
    Files.writeString(wrongPassword, "basic_auth:\n  username: amtool-tenant\n  password: nope\n");
  }

  @AfterAll
  static void stop() {
    if (authenticated != null) {
      authenticated.close();
    }
    receiver.stop();
  }

  @Test
  void alertAddQueryAndSilenceAddQueryExpireWork() throws Exception {
    Result added =
        amtool(
            httpConfig,
            "alert",
            "add",
            "alertname=AmtoolTest",
            "severity=warning",
            "--annotation=summary=added by amtool");
    assertThat(added.exit()).as(added.output()).isZero();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(alertNames(amtool(httpConfig, "alert", "query", "-o", "json")))
                    .containsExactly("AmtoolTest"));

    Result silenced =
        amtool(
            httpConfig,
            "silence",
            "add",
            "alertname=AmtoolTest",
            "-c",
            "maintenance",
            "-a",
            "tester",
            "-d",
            "1h");
    assertThat(silenced.exit()).as(silenced.output()).isZero();
    String silenceId = silenced.output().strip();
    assertThat(silenceId).matches("[0-9a-f-]{36}");

    JsonNode silences =
        JSON.readTree(amtool(httpConfig, "silence", "query", "-o", "json").output());
    assertThat(silences).hasSize(1);
    assertThat(silences.get(0).path("id").asText()).isEqualTo(silenceId);
    assertThat(silences.get(0).path("createdBy").asText()).isEqualTo("tester");
    assertThat(alertNames(amtool(httpConfig, "alert", "query", "-o", "json"))).isEmpty();
    assertThat(alertNames(amtool(httpConfig, "alert", "query", "-s", "-o", "json")))
        .containsExactly("AmtoolTest");

    Result expired = amtool(httpConfig, "silence", "expire", silenceId);
    assertThat(expired.exit()).as(expired.output()).isZero();
    assertThat(JSON.readTree(amtool(httpConfig, "silence", "query", "-o", "json").output()))
        .isEmpty();
    JsonNode withExpired =
        JSON.readTree(amtool(httpConfig, "silence", "query", "--expired", "-o", "json").output());
    assertThat(withExpired.get(0).path("status").path("state").asText()).isEqualTo("expired");
    assertThat(alertNames(amtool(httpConfig, "alert", "query", "-o", "json")))
        .containsExactly("AmtoolTest");
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    Result refused = amtool(wrongPassword, "alert", "query");

    assertThat(refused.exit()).isNotZero();
    assertThat(refused.output()).contains("401");
  }

  private static List<String> alertNames(Result query) throws Exception {
    assertThat(query.exit()).as(query.output()).isZero();
    List<String> names = new ArrayList<>();
    for (JsonNode alert : JSON.readTree(query.output())) {
      names.add(alert.path("labels").path("alertname").asText());
    }
    return names;
  }

  private record Result(int exit, String output) {}

  private static Result amtool(Path config, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("/usr/bin/amtool");
    command.add("--alertmanager.url=http://127.0.0.1:" + authenticated.port());
    command.add("--http.config.file=" + config);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("amtool did not finish: " + command);
    }
    return new Result(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
