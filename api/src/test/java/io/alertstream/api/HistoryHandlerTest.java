package io.alertstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.api.receivertest.ReceiverTester;
import io.alertstream.api.server.ServerSettings;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.config.tenant.TenantLimitsSource;
import io.alertstream.topology.history.AlertHistory;
import io.alertstream.topology.history.AlertTimeline;
import io.alertstream.topology.history.History;
import io.alertstream.topology.history.HistoryQuery;
import io.alertstream.topology.query.TenantLocator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/history} over a reader that answers what the test tells it to. */
class HistoryHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final long T = NOW.toEpochMilli();

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<HistoryQuery> queries = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(2);
  private volatile boolean blocking;
  private volatile RuntimeException failure;
  private ApiServer server;

  private final AlertHistory reader =
      (tenant, query) -> {
        queries.add(query);
        if (failure != null) {
          throw failure;
        }
        if (blocking) {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return new History(
            query.from(),
            query.to(),
            42,
            0,
            false,
            query.from(),
            0,
            List.of(
                new AlertTimeline(
                    "fd807b82f98f9135",
                    Map.of("alertname", "DiskFull"),
                    List.of(
                        new AlertTimeline.Period(query.from(), T - 3_600_000, true),
                        new AlertTimeline.Period(T - 600_000, null, false)),
                    List.of(new AlertTimeline.Marker(T - 590_000, "n-1", "notified team")),
                    List.of(new AlertTimeline.Span(T - 3_700_000, T - 3_650_000, "s-1", 2, "x")),
                    List.of(),
                    List.of(),
                    T,
                    false)));
      };

  private void start(Optional<AlertHistory> history) throws Exception {
    InMemoryTenantConfigs configs = new InMemoryTenantConfigs();
    InMemoryTenantState state = new InMemoryTenantState();
    ApiServer.Services services =
        new ApiServer.Services(
            (tenant, alerts) -> {},
            configs,
            configs,
            TenantLimitsSource.fixed(TenantLimits.NONE),
            state,
            state,
            new io.alertstream.topology.tenancy.FallbackConfigSource(
                new ConfigParser().parse(ServerSettings.DEFAULT_FALLBACK_CONFIG)),
            Optional.empty(),
            TenantLocator.LOCAL,
            Optional.empty(),
            ReceiverTester.network(false, "http://alertstream.example"));
    server =
        new ApiServer(
                new InetSocketAddress("127.0.0.1", 0),
                history.map(services::withHistory).orElse(services),
                Clock.fixed(NOW, ZoneOffset.UTC))
            .start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String tenant, String query) throws Exception {
    return http.send(request(tenant, query), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String tenant, String query) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/api/v1/history" + query))
        .header("X-Scope-OrgID", tenant)
        .GET()
        .build();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void answersTheLastSixHoursByDefaultWithEachAlertsTimeline() throws Exception {
    start(Optional.of(reader));

    HttpResponse<String> response = get("acme", "");

    assertThat(response.statusCode()).isEqualTo(200);
    HistoryQuery query = queries.get(0);
    assertThat(query.to()).isEqualTo(T);
    assertThat(query.now()).isEqualTo(T);
    assertThat(query.from()).isEqualTo(T - 6 * 3_600_000);
    assertThat(query.resolveTimeoutMs()).isEqualTo(300_000);
    assertThat(query.filter().isEmpty()).isTrue();
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("from").asText()).isEqualTo("2026-03-01T06:00:00Z");
    assertThat(answer.path("to").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(answer.path("scanned").asLong()).isEqualTo(42);
    assertThat(answer.path("truncated").asBoolean()).isFalse();
    JsonNode alert = answer.path("alerts").get(0);
    assertThat(alert.path("fingerprint").asText()).isEqualTo("fd807b82f98f9135");
    assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("DiskFull");
    assertThat(alert.path("periods").get(0).path("start").asText())
        .isEqualTo("2026-03-01T06:00:00Z");
    assertThat(alert.path("periods").get(0).path("clipped").asBoolean()).isTrue();
    assertThat(alert.path("periods").get(0).path("end").asText()).isEqualTo("2026-03-01T11:00:00Z");
    assertThat(alert.path("periods").get(1).path("end").isNull()).isTrue();
    assertThat(alert.path("notifications").get(0).path("id").asText()).isEqualTo("n-1");
    assertThat(alert.path("notifications").get(0).path("at").asText())
        .isEqualTo("2026-03-01T11:50:10Z");
    JsonNode silenced = alert.path("silenced").get(0);
    assertThat(silenced.path("silence").asText()).isEqualTo("s-1");
    assertThat(silenced.path("count").asInt()).isEqualTo(2);
    assertThat(silenced.path("from").asText()).isEqualTo("2026-03-01T10:58:20Z");
  }

  @Test
  void takesTheRangeAndTheFilterFromTheQuery() throws Exception {
    start(Optional.of(reader));

    HttpResponse<String> response =
        get(
            "acme",
            "?from=2026-02-27T12:00:00%2B01:00&to=2026-02-28T00:00:00Z&filter="
                + encode("team=~\"d.*\"")
                + "&filter="
                + encode("alertname!=\"Watchdog\""));

    assertThat(response.statusCode()).isEqualTo(200);
    HistoryQuery query = queries.get(0);
    assertThat(query.from()).isEqualTo(Instant.parse("2026-02-27T11:00:00Z").toEpochMilli());
    assertThat(query.to()).isEqualTo(Instant.parse("2026-02-28T00:00:00Z").toEpochMilli());
    assertThat(query.filter().list()).hasSize(2);
    assertThat(query.filter().matches(Map.of("team", "db", "alertname", "DiskFull"))).isTrue();
    assertThat(query.filter().matches(Map.of("team", "db", "alertname", "Watchdog"))).isFalse();
    assertThat(query.filter().matches(Map.of("team", "web"))).isFalse();
  }

  @Test
  void refusesTimesThatAreNotRfc3339NamingTheParameter() throws Exception {
    start(Optional.of(reader));

    HttpResponse<String> response = get("acme", "?from=yesterday");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("message").asText())
        .isEqualTo("from must be an RFC 3339 time, not \"yesterday\"");
    assertThat(queries).isEmpty();
  }

  @Test
  void refusesARangeLongerThanTheTopicsRetention() throws Exception {
    start(Optional.of(reader));

    HttpResponse<String> response =
        get("acme", "?from=2026-02-20T12:00:00Z&to=2026-02-28T12:00:00Z");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("message").asText())
        .contains("from 2026-02-20T12:00:00Z to 2026-02-28T12:00:00Z")
        .contains("longer than 7 days")
        .contains("a later from or an earlier to");
    assertThat(queries).isEmpty();
  }

  @Test
  void refusesAToThatIsNotAfterFrom() throws Exception {
    start(Optional.of(reader));

    HttpResponse<String> response =
        get("acme", "?from=2026-02-28T12:00:00Z&to=2026-02-28T12:00:00Z");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("to must be after from");
  }

  @Test
  void refusesABadFilterAsTheAlertsEndpointDoes() throws Exception {
    start(Optional.of(reader));

    HttpResponse<String> response = get("acme", "?filter=" + encode("team=~\"(\""));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("bad filter");
    assertThat(queries).isEmpty();
  }

  @Test
  void oneRequestPerTenantAtATimeAndAFewInAll() throws Exception {
    start(Optional.of(reader));
    blocking = true;
    CompletableFuture<HttpResponse<String>> first =
        http.sendAsync(request("acme", ""), HttpResponse.BodyHandlers.ofString());
    CompletableFuture<HttpResponse<String>> other =
        http.sendAsync(request("globex", ""), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> again = get("acme", "");
    HttpResponse<String> third = get("initech", "");

    assertThat(again.statusCode()).isEqualTo(429);
    assertThat(again.body()).contains("already running for this tenant");
    assertThat(third.statusCode()).isEqualTo(503);
    assertThat(third.headers().firstValue("Retry-After")).isPresent();
    assertThat(third.body()).contains("busy");
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(other.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(get("acme", "").statusCode()).isEqualTo(200);
  }

  @Test
  void aFailedReadIsA503AndFreesTheTenantsTurn() throws Exception {
    start(Optional.of(reader));
    failure = new org.apache.kafka.common.errors.TimeoutException("reading took too long");

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> failed = get("acme", "");
      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(failed.body()).contains("could not be read from Kafka");
    }
    failure = null;
    assertThat(get("acme", "").statusCode()).isEqualTo(200);
  }

  @Test
  void aServerWithoutAReaderSaysSo() throws Exception {
    start(Optional.empty());

    HttpResponse<String> response = get("acme", "");

    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(response.body()).contains("history is not available on this server");
  }

  @Test
  void onlyGetIsAllowed() throws Exception {
    start(Optional.of(reader));

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/v1/history"))
                .header("X-Scope-OrgID", "acme")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("GET");
  }
}
