package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertstream.api.ApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With several tenants loaded, no answer for one tenant carries another's alerts, silences,
 * receivers or config; with authentication on, every endpoint refuses another tenant's data.
 */
class TenantIsolationApiIT {

  private static final List<String> READS =
      List.of(
          "/api/v2/alerts",
          "/api/v2/alerts/groups",
          "/api/v2/silences",
          "/api/v2/status",
          "/api/v2/receivers",
          "/api/v1/alerts",
          "/api/v1/settings",
          "/alertmanager/api/v2/alerts");
  private static final HttpClient http = HttpClient.newHttpClient();
  private static LocalStack stack;
  private static ApiServer authenticated;
  private static String blueSilence;

  @BeforeAll
  static void start() throws Exception {
    stack = TestStacks.shared();
    authenticated =
        TestStacks.authenticatedApi(stack, Map.of("iso-blue", "blue-pw", "iso-green", "green-pw"));
    for (String tenant : List.of("iso-blue", "iso-green")) {
      TestStacks.publishConfig(
          stack,
          tenant,
          "route: {receiver: "
              + tenant
              + "-receiver}\nreceivers:\n- name: "
              + tenant
              + "-receiver\n"
              + "  webhook_configs: [{url: 'http://127.0.0.1:1/"
              + tenant
              + "-secret-path'}]\n");
      assertThat(
              TestStacks.postAlerts(
                      stack, tenant, "[{\"labels\":{\"alertname\":\"" + tenant + "-alert\"}}]")
                  .statusCode())
          .isEqualTo(200);
    }
    blueSilence =
        send(
                "POST",
                stack.apiUrl() + "/api/v2/silences",
                "X-Scope-OrgID",
                "iso-blue",
                "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"iso-blue-silenced\",\"isRegex\":false}],"
                    + "\"startsAt\":\"2026-01-01T00:00:00Z\",\"endsAt\":\"2099-01-01T00:00:00Z\","
                    + "\"createdBy\":\"iso-blue-user\",\"comment\":\"iso-blue-comment\"}")
            .body();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                get(stack.apiUrl() + "/api/v2/alerts", "X-Scope-OrgID", "iso-green")
                    .body()
                    .contains("iso-green-alert"));
  }

  @AfterAll
  static void stop() {
    if (authenticated != null) {
      authenticated.close();
    }
  }

  @Test
  void noAnswerForOneTenantCarriesAnothersData() throws Exception {
    for (String path : READS) {
      String green = get(stack.apiUrl() + path, "X-Scope-OrgID", "iso-green").body();
      assertThat(green).as(path).doesNotContain("iso-blue");
      String blue = get(stack.apiUrl() + path, "X-Scope-OrgID", "iso-blue").body();
      assertThat(blue).as(path).doesNotContain("iso-green");
    }
    assertThat(get(stack.apiUrl() + "/api/v2/alerts", "X-Scope-OrgID", "iso-blue").body())
        .contains("iso-blue-alert");
    assertThat(get(stack.apiUrl() + "/api/v2/silences", "X-Scope-OrgID", "iso-blue").body())
        .contains("iso-blue-comment");
    String silenceId = blueSilence.replaceAll(".*\"silenceID\":\"([^\"]+)\".*", "$1");
    assertThat(
            get(stack.apiUrl() + "/api/v2/silence/" + silenceId, "X-Scope-OrgID", "iso-green")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            send(
                    "DELETE",
                    stack.apiUrl() + "/api/v2/silence/" + silenceId,
                    "X-Scope-OrgID",
                    "iso-green",
                    "")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void withAuthenticationEveryEndpointRefusesAnotherTenantsData() throws Exception {
    String base = "http://127.0.0.1:" + authenticated.port();
    String green = basic("iso-green", "green-pw");
    for (String path : READS) {
      var crossing =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Authorization", green)
                  .header("X-Scope-OrgID", "iso-blue")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(crossing.statusCode()).as(path).isEqualTo(403);
      assertThat(get(base + path, "X-Scope-OrgID", "iso-blue").statusCode())
          .as(path)
          .isEqualTo(401);
      var claimed = get(base + path, "Authorization", basic("iso-blue", "green-pw"));
      assertThat(claimed.statusCode()).as(path).isEqualTo(401);
      var own = get(base + path, "Authorization", green);
      assertThat(own.statusCode()).as(path).isIn(200, 404);
      assertThat(own.body()).as(path).doesNotContain("iso-blue");
    }
    for (String method : List.of("POST", "DELETE")) {
      var write =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v2/silences"))
                  .header("Authorization", green)
                  .header("X-Scope-OrgID", "iso-blue")
                  .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(write.statusCode()).isEqualTo(403);
    }
  }

  private static HttpResponse<String> get(String url, String header, String value)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).header(header, value).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(
      String method, String url, String header, String value, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header(header, value)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
