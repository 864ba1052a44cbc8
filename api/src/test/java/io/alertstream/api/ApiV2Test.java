package io.alertstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.api.auth.PasswordHash;
import io.alertstream.api.auth.TenantCredentials;
import io.alertstream.api.receivertest.ReceiverTester;
import io.alertstream.api.server.ServerSettings;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.tenant.RuntimeLimits;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.config.tenant.TenantLimitsSource;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.Fingerprint;
import io.alertstream.topology.query.TenantLocator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API v2 reads and silences against in-memory state; authentication and limits. */
class ApiV2Test {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String CONFIG =
      "route:\n  receiver: team\n  group_by: [alertname]\n  routes:\n"
          + "    - matchers: ['severity=\"page\"']\n      receiver: pager\n      continue: true\n"
          + "receivers:\n  - name: team\n    webhook_configs: [{url: 'http://hooks.example/t0ken'}]\n"
          + "  - name: pager\n"
          + "inhibit_rules:\n  - source_matchers: ['severity=\"page\"']\n"
          + "    target_matchers: ['severity=\"info\"']\n    equal: [alertname]\n";

  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemoryTenantConfigs configs = new InMemoryTenantConfigs();
  private final InMemoryTenantState state = new InMemoryTenantState();
  private ApiServer server;

  private void start(TenantLimits limits, Optional<TenantCredentials> credentials)
      throws Exception {
    start(TenantLimitsSource.fixed(limits), credentials);
  }

  private void start(TenantLimitsSource limits, Optional<TenantCredentials> credentials)
      throws Exception {
    configs.write(
        "acme",
        TenantConfig.newBuilder()
            .setTenant("acme")
            .setVersion(1)
            .setAlertmanagerConfig(CONFIG)
            .setUpdatedAt(NOW)
            .build());
    server =
        new ApiServer(
                new InetSocketAddress("127.0.0.1", 0),
                new ApiServer.Services(
                    (tenant, alerts) -> {},
                    configs,
                    configs,
                    limits,
                    state,
                    state,
                    new io.alertstream.topology.tenancy.FallbackConfigSource(
                        new ConfigParser().parse(ServerSettings.DEFAULT_FALLBACK_CONFIG)),
                    credentials,
                    TenantLocator.LOCAL,
                    Optional.empty(),
                    ReceiverTester.network(false, "http://alertstream.example")),
                Clock.fixed(NOW, ZoneOffset.UTC))
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Alert alert(Map<String, String> labels, long endsInMs) {
    long now = NOW.toEpochMilli();
    return new Alert(
        Fingerprint.of(labels),
        labels,
        Map.of("summary", "s"),
        now - 60_000,
        now + endsInMs,
        "http://gen",
        now,
        true);
  }

  @Test
  void alertsShowTheirReceiversAndWhatSuppressesThem() throws Exception {
    start(TenantLimits.NONE, Optional.empty());
    Alert page = alert(Map.of("alertname", "Down", "severity", "page"), 60_000);
    Alert info = alert(Map.of("alertname", "Down", "severity", "info"), 60_000);
    Alert other = alert(Map.of("alertname", "Slow", "severity", "info"), 60_000);
    Alert resolved = alert(Map.of("alertname", "Gone"), -1_000);
    for (Alert a : new Alert[] {page, info, other, resolved}) {
      state.add("acme", a);
    }
    String silenceId = createSilence("alertname", "Slow").path("silenceID").asText();

    JsonNode alerts = getJson("/api/v2/alerts");

    assertThat(alerts).hasSize(3);
    JsonNode pageView = byFingerprint(alerts, page.fingerprint());
    assertThat(pageView.path("receivers").toString()).isEqualTo("[{\"name\":\"pager\"}]");
    assertThat(pageView.path("status").path("state").asText()).isEqualTo("active");
    JsonNode infoView = byFingerprint(alerts, info.fingerprint());
    assertThat(infoView.path("status").path("state").asText()).isEqualTo("suppressed");
    assertThat(infoView.path("status").path("inhibitedBy").get(0).asText())
        .isEqualTo(page.fingerprint());
    JsonNode silenced = byFingerprint(alerts, other.fingerprint());
    assertThat(silenced.path("status").path("silencedBy").get(0).asText()).isEqualTo(silenceId);

    assertThat(getJson("/api/v2/alerts?silenced=false&inhibited=false")).hasSize(1);
    assertThat(getJson("/api/v2/alerts?filter=" + enc("alertname=\"Slow\""))).hasSize(1);
    assertThat(getJson("/api/v2/alerts?receiver=pag.*")).hasSize(1);
    JsonNode groups = getJson("/alertmanager/api/v2/alerts/groups");
    assertThat(groups).hasSize(3);
    assertThat(groups.get(0).path("receiver").path("name").asText()).isEqualTo("pager");
  }

  @Test
  void silencesAreCreatedUpdatedInPlaceReplacedAndExpiredAsInAlertmanager() throws Exception {
    start(TenantLimits.NONE, Optional.empty());
    String id = createSilence("alertname", "Slow").path("silenceID").asText();
    JsonNode created = getJson("/api/v2/silence/" + id);
    assertThat(created.path("status").path("state").asText()).isEqualTo("active");
    assertThat(created.path("matchers").get(0).toString())
        .isEqualTo(
            "{\"isEqual\":true,\"isRegex\":false,\"name\":\"alertname\",\"value\":\"Slow\"}");

    String longer =
        silenceBody(
            id, "alertname", "Slow", created.path("startsAt").asText(), "2026-03-01T15:00:00Z");
    assertThat(post("/api/v2/silences", longer).body()).contains(id);
    assertThat(getJson("/api/v2/silence/" + id).path("endsAt").asText())
        .isEqualTo("2026-03-01T15:00:00Z");

    String otherMatcher =
        silenceBody(id, "alertname", "Fast", NOW.toString(), "2026-03-01T15:00:00Z");
    String newId =
        JSON.readTree(post("/api/v2/silences", otherMatcher).body()).path("silenceID").asText();
    assertThat(newId).isNotEqualTo(id);
    assertThat(getJson("/api/v2/silence/" + id).path("status").path("state").asText())
        .isEqualTo("expired");

    assertThat(send("DELETE", "/api/v2/silence/" + newId).statusCode()).isEqualTo(200);
    assertThat(getJson("/api/v2/silence/" + newId).path("status").path("state").asText())
        .isEqualTo("expired");
    var again = send("DELETE", "/api/v2/silence/" + newId);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already expired");
    assertThat(send("GET", "/api/v2/silence/nope").statusCode()).isEqualTo(404);
    assertThat(getJson("/api/v2/silences?filter=" + enc("alertname=\"Fast\""))).hasSize(1);
  }

  @Test
  void aSilenceUntilResolvedRoundTripsAndAnExpiredOneSaysWhy() throws Exception {
    start(TenantLimits.NONE, Optional.empty());
    String body =
        silenceBody("", "alertname", "Slow", NOW.toString(), "2026-03-01T13:00:00Z")
            .replace("}],", "}],\"untilResolved\":true,");
    var created = post("/api/v2/silences", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String id = JSON.readTree(created.body()).path("silenceID").asText();

    JsonNode silence = getJson("/api/v2/silence/" + id);
    assertThat(silence.path("untilResolved").asBoolean()).isTrue();
    assertThat(silence.has("expiredBy")).isFalse();
    String plainId = createSilence("alertname", "Fast").path("silenceID").asText();
    assertThat(getJson("/api/v2/silence/" + plainId).has("untilResolved"))
        .as("a plain silence reads exactly as Alertmanager's")
        .isFalse();

    String amtoolUpdate =
        silenceBody(
            id, "alertname", "Slow", silence.path("startsAt").asText(), "2026-03-01T14:00:00Z");
    assertThat(post("/api/v2/silences", amtoolUpdate).statusCode()).isEqualTo(200);
    assertThat(getJson("/api/v2/silence/" + id).path("untilResolved").asBoolean())
        .as("an update that leaves the field out, as amtool does, keeps it")
        .isTrue();

    assertThat(send("DELETE", "/api/v2/silence/" + id).statusCode()).isEqualTo(200);
    JsonNode expired = getJson("/api/v2/silence/" + id);
    assertThat(expired.path("expiredBy").asText()).isEqualTo("request");
    assertThat(expired.path("untilResolved").asBoolean()).isTrue();

    var bad =
        post(
            "/api/v2/silences",
            body.replace("\"untilResolved\":true", "\"untilResolved\":\"yes\""));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("untilResolved in body must be true or false");
  }

  @Test
  void badSilencesAreRefusedWithTheReason() throws Exception {
    start(TenantLimits.NONE, Optional.empty());

    assertThat(post("/api/v2/silences", "{").body()).contains("not JSON");
    var noMatchers =
        post(
            "/api/v2/silences",
            "{\"matchers\":[],\"startsAt\":\"2026-03-01T12:00:00Z\",\"endsAt\":\"2026-03-01T13:00:00Z\",\"createdBy\":\"me\",\"comment\":\"c\"}");
    assertThat(noMatchers.statusCode()).isEqualTo(400);
    assertThat(noMatchers.body()).contains("at least one matcher required");
    assertThat(
            post(
                    "/api/v2/silences",
                    silenceBody("", "a", "", NOW.toString(), "2026-03-01T13:00:00Z"))
                .body())
        .contains("must not match the empty string");
    assertThat(
            post(
                    "/api/v2/silences",
                    silenceBody("", "a", "b", "2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z"))
                .body())
        .contains("end time can't be in the past");
    assertThat(send("PUT", "/api/v2/silences").statusCode()).isEqualTo(405);
  }

  @Test
  void statusMasksSecretsAndReceiversAreListed() throws Exception {
    start(TenantLimits.NONE, Optional.empty());

    JsonNode status = getJson("/api/v2/status");
    assertThat(status.path("config").path("original").asText())
        .contains("<secret>")
        .doesNotContain("t0ken");
    assertThat(status.path("cluster").path("status").asText()).isEqualTo("ready");
    assertThat(getJson("/api/v2/receivers").toString())
        .isEqualTo("[{\"name\":\"team\"},{\"name\":\"pager\"}]");
  }

  @Test
  void withCredentialsEveryRequestMustAuthenticateAsItsOwnTenant() throws Exception {
    String hash = PasswordHash.hash("s3cret".toCharArray());
    start(
        TenantLimits.NONE, Optional.of(TenantCredentials.of(Map.of("acme", hash, "other", hash))));

    assertThat(send("GET", "/api/v2/alerts", "X-Scope-OrgID", "acme").statusCode()).isEqualTo(401);
    var wrong = send("GET", "/api/v2/alerts", "Authorization", basic("acme", "nope"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
    var right = send("GET", "/api/v2/status", "Authorization", basic("acme", "s3cret"));
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.body()).contains("pager");
    var crossing =
        http.send(
            HttpRequest.newBuilder(uri("/api/v2/alerts"))
                .header("Authorization", basic("other", "s3cret"))
                .header("X-Scope-OrgID", "acme")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(crossing.statusCode()).isEqualTo(403);
    var others = send("GET", "/api/v2/status", "Authorization", basic("other", "s3cret"));
    assertThat(others.body()).doesNotContain("pager");
  }

  @Test
  void newAlertsPastTheLimitAreRefusedAndSilencesToo() throws Exception {
    start(TenantLimits.NONE.withState(1, 0, 0, 1), Optional.empty());
    state.add("acme", alert(Map.of("alertname", "Held"), 60_000));

    var refused =
        post(
            "/api/v2/alerts",
            "[{\"labels\":{\"alertname\":\"New\"}},{\"labels\":{\"alertname\":\"Held\"}}]");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("alertmanager_max_alerts_count").contains("New");

    createSilence("alertname", "A");
    var second =
        post(
            "/api/v2/silences",
            silenceBody("", "alertname", "B", NOW.toString(), "2026-03-01T13:00:00Z"));
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(second.body()).contains("alertmanager_max_silences_count");
  }

  @Test
  void aSilenceTooLongOrWithTooManyMatchersIsRefusedNamingTheLimit() throws Exception {
    start(TenantLimits.NONE.withSilenceLimits(java.time.Duration.ofHours(2), 1), Optional.empty());

    var tooLong =
        post(
            "/api/v2/silences",
            silenceBody("", "alertname", "A", NOW.toString(), "2026-03-01T15:00:00Z"));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body())
        .contains("silence would last 3h")
        .contains("limit of 2h")
        .contains("alertmanager_max_silence_duration");

    String twoMatchers =
        "{\"matchers\":[{\"name\":\"a\",\"value\":\"1\",\"isRegex\":false},"
            + "{\"name\":\"b\",\"value\":\"2\",\"isRegex\":false}],"
            + "\"startsAt\":\""
            + NOW
            + "\",\"endsAt\":\"2026-03-01T13:00:00Z\",\"createdBy\":\"me\",\"comment\":\"c\"}";
    var tooMany = post("/api/v2/silences", twoMatchers);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("alertmanager_max_silence_matchers_count");

    createSilence("alertname", "A");
  }

  @Test
  void aTenantsOverridesReplaceTheDefaultLimits() throws Exception {
    RuntimeLimits limits =
        new RuntimeLimits(TenantLimits.NONE.withSilenceLimits(java.time.Duration.ofHours(2), 1));
    limits.load(
        "overrides:\n  acme:\n    alertmanager_max_silence_duration: 0\n"
            + "    alertmanager_max_silences_count: 1\n");
    start(limits, Optional.empty());

    var longOne =
        post(
            "/api/v2/silences",
            silenceBody("", "alertname", "A", NOW.toString(), "2026-03-01T15:00:00Z"));
    assertThat(longOne.statusCode()).as(longOne.body()).isEqualTo(200);
    var second =
        post(
            "/api/v2/silences",
            silenceBody("", "alertname", "B", NOW.toString(), "2026-03-01T13:00:00Z"));
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(second.body()).contains("alertmanager_max_silences_count");
  }

  private JsonNode createSilence(String name, String value) throws Exception {
    var response =
        post(
            "/api/v2/silences",
            silenceBody("", name, value, NOW.toString(), "2026-03-01T13:00:00Z"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String silenceBody(
      String id, String name, String value, String start, String end) {
    return "{"
        + (id.isEmpty() ? "" : "\"id\":\"" + id + "\",")
        + "\"matchers\":[{\"name\":\""
        + name
        + "\",\"value\":\""
        + value
        + "\",\"isRegex\":false}],\"startsAt\":\""
        + start
        + "\",\"endsAt\":\""
        + end
        + "\",\"createdBy\":\"me\",\"comment\":\"maintenance\"}";
  }

  private static JsonNode byFingerprint(JsonNode alerts, String fingerprint) {
    for (JsonNode a : alerts) {
      if (a.path("fingerprint").asText().equals(fingerprint)) {
        return a;
      }
    }
    throw new AssertionError("no alert " + fingerprint + " in " + alerts);
  }

  private JsonNode getJson(String path) throws Exception {
    var response = send("GET", path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("X-Scope-OrgID", "acme")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return send(method, path, "X-Scope-OrgID", "acme");
  }

  private HttpResponse<String> send(String method, String path, String header, String value)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header(header, value)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
