package io.alertstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.api.receivertest.ReceiverTester;
import io.alertstream.api.server.ServerSettings;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.schemas.AlertEvent;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiServerTest {

  private record Submitted(String tenant, List<AlertEvent> alerts) {}

  private final List<Submitted> submitted = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiServer server;
  private boolean sinkFails;
  private final InMemoryTenantConfigs configs = new InMemoryTenantConfigs();
  private final InMemoryTenantState state = new InMemoryTenantState();

  @BeforeEach
  void start() throws Exception {
    AlertSink sink =
        (tenant, alerts) -> {
          if (sinkFails) {
            throw new IllegalStateException("broker unavailable");
          }
          submitted.add(new Submitted(tenant, alerts));
        };
    server =
        new ApiServer(
                new InetSocketAddress("127.0.0.1", 0),
                new ApiServer.Services(
                    sink,
                    configs,
                    configs,
                    io.alertstream.config.tenant.TenantLimitsSource.fixed(TenantLimits.NONE),
                    state,
                    state,
                    new io.alertstream.topology.tenancy.FallbackConfigSource(
                        new ConfigParser().parse(ServerSettings.DEFAULT_FALLBACK_CONFIG)),
                    Optional.empty(),
                    TenantLocator.LOCAL,
                    Optional.empty(),
                    ReceiverTester.network(false, "http://alertstream.example")),
                Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC))
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v2/alerts", "/alertmanager/api/v2/alerts"})
  void acceptsAlertsForTheTenantInTheOrgIdHeader(String path) throws Exception {
    var response = post(path, "[{\"labels\":{\"alertname\":\"X\"}}]", "X-Scope-OrgID", "acme");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(submitted).singleElement().satisfies(s -> assertThat(s.tenant()).isEqualTo("acme"));
  }

  @Test
  void takesTheTenantFromBasicAuthWhenThereIsNoHeader() throws Exception {
    String auth = Base64.getEncoder().encodeToString("prod:pw".getBytes(StandardCharsets.UTF_8));

    var response =
        post("/api/v2/alerts", "[{\"labels\":{\"a\":\"b\"}}]", "Authorization", "Basic " + auth);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(submitted.get(0).tenant()).isEqualTo("prod");
  }

  @Test
  void refusesARequestWithoutTenant() throws Exception {
    var response = post("/api/v2/alerts", "[]", "Accept", "application/json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("X-Scope-OrgID");
    assertThat(submitted).isEmpty();
  }

  @Test
  void refusesBadJsonSayingWhy() throws Exception {
    var response = post("/api/v2/alerts", "[{\"labels\":", "X-Scope-OrgID", "acme");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"code\":400").contains("body is not valid JSON");
  }

  @Test
  void storesValidAlertsAndReportsTheInvalidOnes() throws Exception {
    var response =
        post(
            "/api/v2/alerts",
            "[{\"labels\":{\"a\":\"b\"}},{\"labels\":{}}]",
            "X-Scope-OrgID",
            "acme");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("alert 1: at least one label pair required");
    assertThat(submitted.get(0).alerts()).hasSize(1);
  }

  @Test
  void saysServiceUnavailableWhenAlertsCannotBeStored() throws Exception {
    sinkFails = true;

    var response = post("/api/v2/alerts", "[{\"labels\":{\"a\":\"b\"}}]", "X-Scope-OrgID", "acme");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("broker unavailable");
  }

  @Test
  void refusesOtherMethods() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(uri("/api/v2/alerts")).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
  }

  private static final String CONFIG_BODY =
      "alertmanager_config: |\n"
          + "  route: {receiver: team}\n"
          + "  receivers: [{name: team, webhook_configs: [{url: 'http://hooks.example.com/x?token=s3cret'}]}]\n";

  @Test
  void aStoredConfigIsAnsweredWithItsWarningsNamingTheKeys() throws Exception {
    var plain = send("POST", "/api/v1/alerts", CONFIG_BODY);
    assertThat(plain.statusCode()).isEqualTo(201);
    assertThat(plain.body()).isEmpty();

    var warned =
        send("POST", "/api/v1/alerts", CONFIG_BODY + "  tracing: {endpoint: 'otel:4317'}\n");

    assertThat(warned.statusCode()).isEqualTo(201);
    assertThat(warned.body())
        .startsWith("{\"warnings\":[\"alertmanager_config.tracing (line 3): ignored:")
        .doesNotContain("s3cret");
    assertThat(configs.current("acme").orElseThrow().getAlertmanagerConfig()).contains("tracing");
  }

  @Test
  void configApiStoresReadsMaskedAndDeletes() throws Exception {
    assertThat(send("GET", "/api/v1/alerts", null).statusCode()).isEqualTo(404);

    assertThat(send("POST", "/api/v1/alerts", CONFIG_BODY).statusCode()).isEqualTo(201);
    var read = send("GET", "/api/v1/alerts", null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .contains("alertmanager_config")
        .contains("<secret>")
        .doesNotContain("s3cret");
    assertThat(configs.current("acme").orElseThrow().getAlertmanagerConfig()).contains("s3cret");

    assertThat(send("DELETE", "/api/v1/alerts", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/alerts", null).statusCode()).isEqualTo(404);
  }

  @Test
  void dryRunIsStoredOutsideTheAlertmanagerConfigAndShownBackWithoutSecrets() throws Exception {
    assertThat(send("GET", "/api/v1/settings", null).body())
        .isEqualTo("{\"ownConfig\":false,\"dryRunAll\":false,\"dryRun\":[],\"summary\":\"\"}");

    var stored =
        send("POST", "/api/v1/alerts", CONFIG_BODY + "alertstream:\n  dry_run: [slack, webhook]\n");

    assertThat(stored.statusCode()).isEqualTo(201);
    var config = configs.current("acme").orElseThrow();
    assertThat(config.getDryRun()).isFalse();
    assertThat(config.getDryRunIntegrations()).containsExactly("slack", "webhook");
    assertThat(config.getAlertmanagerConfig()).doesNotContain("dry_run");
    var read = send("GET", "/api/v1/alerts", null);
    assertThat(read.body())
        .startsWith(
            "# dry run: this tenant's webhook, slack notifications are not sent; the connectors"
                + " record the requests they would make instead (alertstream.dry_run)\n")
        .contains("alertstream:\n  dry_run:\n  - webhook\n  - slack\n")
        .doesNotContain("s3cret");
    var settings = send("GET", "/api/v1/settings", null);
    assertThat(settings.body())
        .contains("\"ownConfig\":true")
        .contains("\"dryRun\":[\"webhook\",\"slack\"]")
        .contains("\"summary\":\"dry run: this tenant's webhook, slack notifications are not sent");

    send("POST", "/api/v1/alerts", CONFIG_BODY);

    assertThat(configs.current("acme").orElseThrow().getDryRunIntegrations()).isEmpty();
    assertThat(send("GET", "/api/v1/alerts", null).body())
        .startsWith("template_files:")
        .doesNotContain("alertstream:");
  }

  @Test
  void aBrokenConfigIsRefusedAndChangesNothing() throws Exception {
    send("POST", "/api/v1/alerts", CONFIG_BODY);
    long version = configs.current("acme").orElseThrow().getVersion();

    var refused =
        send("POST", "/api/v1/alerts", CONFIG_BODY.replace("receiver: team}", "receiver: nobody}"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("alertmanager_config.route.receiver")
        .contains("undefined receiver \\\"nobody\\\" used in route");
    assertThat(configs.current("acme").orElseThrow().getVersion()).isEqualTo(version);
    assertThat(configs.writes).isEqualTo(1);
  }

  @Test
  void versionsGrowWithEveryUpload() throws Exception {
    send("POST", "/api/v1/alerts", CONFIG_BODY);
    long first = configs.current("acme").orElseThrow().getVersion();

    send("POST", "/api/v1/alerts", CONFIG_BODY);

    assertThat(configs.current("acme").orElseThrow().getVersion()).isGreaterThan(first);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("X-Scope-OrgID", "acme")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String header, String value)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header(header, value)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
