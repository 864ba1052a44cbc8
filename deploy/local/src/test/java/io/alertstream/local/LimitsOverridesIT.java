package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.api.ApiServer;
import io.alertstream.config.tenant.LimitsOverridesFile;
import io.alertstream.config.tenant.RuntimeLimits;
import io.alertstream.config.tenant.TenantLimits;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-tenant limits from a Mimir-format overrides file, on the real stack: an API over the shared
 * stack's topology with defaults for every tenant and one tenant's overrides, and the file changed
 * while it runs.
 */
class LimitsOverridesIT {

  @TempDir static Path dir;
  private static Path file;
  private static LimitsOverridesFile watched;
  private static ApiServer api;

  @BeforeAll
  static void start() throws Exception {
    LocalStack stack = TestStacks.shared();
    file = dir.resolve("runtime.yaml");
    Files.writeString(
        file, "overrides:\n  limits-strict:\n    alertmanager_max_silence_matchers_count: 1\n");
    RuntimeLimits limits =
        new RuntimeLimits(TenantLimits.NONE.withSilenceLimits(Duration.ofHours(2), 0));
    watched = LimitsOverridesFile.watch(file, limits, Duration.ofMillis(200));
    api =
        new ApiServer(
                new InetSocketAddress("127.0.0.1", 0),
                stack.server().apiServices().withLimits(limits),
                Clock.systemUTC())
            .start();
  }

  @AfterAll
  static void stop() {
    api.close();
    watched.close();
  }

  @Test
  void eachTenantHasItsLimitsAndAChangedFileAppliesWithoutARestart() throws Exception {
    var strict = postSilence("limits-strict", 2, Duration.ofHours(1));
    assertThat(strict.statusCode()).isEqualTo(400);
    assertThat(strict.body()).contains("alertmanager_max_silence_matchers_count");
    var other = postSilence("limits-default", 2, Duration.ofHours(1));
    assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    var tooLong = postSilence("limits-default", 1, Duration.ofHours(3));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("alertmanager_max_silence_duration");

    Files.writeString(
        file,
        "overrides:\n  limits-strict:\n    alertmanager_max_silence_matchers_count: 0\n"
            + "    alertmanager_max_silence_duration: 0\n");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    HttpResponse<String> relaxed = postSilence("limits-strict", 2, Duration.ofHours(3));
    while (relaxed.statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      relaxed = postSilence("limits-strict", 2, Duration.ofHours(3));
    }
    assertThat(relaxed.statusCode()).as(relaxed.body()).isEqualTo(200);
  }

  private static HttpResponse<String> postSilence(String tenant, int matchers, Duration lasting)
      throws Exception {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < matchers; i++) {
      list.append(i == 0 ? "" : ",")
          .append("{\"name\":\"m")
          .append(i)
          .append("\",\"value\":\"v\",\"isRegex\":false}");
    }
    Instant now = Instant.now();
    String body =
        "{\"matchers\":["
            + list
            + "],\"startsAt\":\""
            + now
            + "\",\"endsAt\":\""
            + now.plus(lasting)
            + "\",\"createdBy\":\"it\",\"comment\":\"limits\"}";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.port() + "/api/v2/silences"))
                .header("X-Scope-OrgID", tenant)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
