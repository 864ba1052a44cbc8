package io.alertstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.api.receivertest.ReceiverTester;
import io.alertstream.api.server.ServerSettings;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.Fingerprint;
import io.alertstream.topology.query.TenantLocator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request for a tenant another instance holds is answered by that instance. */
class ForwardingTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemoryTenantState ownerState = new InMemoryTenantState();
  private final InMemoryTenantState frontState = new InMemoryTenantState();
  private ApiServer owner;
  private ApiServer front;

  private ApiServer server(InMemoryTenantState state, TenantLocator locator) throws Exception {
    InMemoryTenantConfigs configs = new InMemoryTenantConfigs();
    return new ApiServer(
            new InetSocketAddress("127.0.0.1", 0),
            new ApiServer.Services(
                (tenant, alerts) -> {},
                configs,
                configs,
                io.alertstream.config.tenant.TenantLimitsSource.fixed(TenantLimits.NONE),
                state,
                state,
                new io.alertstream.topology.tenancy.FallbackConfigSource(
                    new ConfigParser().parse(ServerSettings.DEFAULT_FALLBACK_CONFIG)),
                Optional.empty(),
                locator,
                Optional.empty(),
                ReceiverTester.network(false, "http://alertstream.example")),
            Clock.fixed(NOW, ZoneOffset.UTC))
        .start();
  }

  @AfterEach
  void stop() {
    front.close();
    owner.close();
  }

  @Test
  void readsAndWritesGoToTheInstanceHoldingTheTenant() throws Exception {
    owner = server(ownerState, TenantLocator.LOCAL);
    URI ownerUrl = URI.create("http://127.0.0.1:" + owner.port());
    front = server(frontState, t -> t.equals("far") ? Optional.of(ownerUrl) : Optional.empty());
    Map<String, String> labels = Map.of("alertname", "FarAway");
    long now = NOW.toEpochMilli();
    ownerState.add(
        "far",
        new Alert(Fingerprint.of(labels), labels, Map.of(), now, now + 60_000, "", now, true));

    var alerts = send("GET", "/api/v2/alerts", "far", "");
    assertThat(alerts.statusCode()).isEqualTo(200);
    assertThat(alerts.body()).contains("FarAway");
    assertThat(send("GET", "/api/v2/alerts", "near", "").body()).isEqualTo("[]");

    var created =
        send(
            "POST",
            "/api/v2/silences",
            "far",
            "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"FarAway\",\"isRegex\":false}],"
                + "\"startsAt\":\"2026-03-01T12:00:00Z\",\"endsAt\":\"2026-03-01T13:00:00Z\","
                + "\"createdBy\":\"me\",\"comment\":\"c\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(ownerState.silences("far")).hasSize(1);
    assertThat(frontState.silences("far")).isEmpty();
    assertThat(send("GET", "/api/v2/silence/nope", "far", "").statusCode()).isEqualTo(404);
  }

  @Test
  void aForwardedRequestIsNotForwardedAgain() throws Exception {
    owner = server(ownerState, TenantLocator.LOCAL);
    URI[] self = new URI[1];
    front = server(frontState, t -> Optional.of(self[0]));
    self[0] = URI.create("http://127.0.0.1:" + front.port());

    var answer = send("GET", "/api/v2/alerts", "loop", "");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("[]");
  }

  private HttpResponse<String> send(String method, String path, String tenant, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front.port() + path))
            .header("X-Scope-OrgID", tenant)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
