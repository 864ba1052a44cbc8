package io.alertstream.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReloadAndStatusHandlersTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final InstanceConfigStatus configStatus =
      new InstanceConfigStatus(() -> "config", java.time.Clock.systemUTC());
  private final ReloadHandler reloads = new ReloadHandler(configStatus);
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/-/reload", reloads);
    server.createContext(
        "/multitenant_alertmanager/status",
        new InstanceStatusHandler(
            () ->
                new InstanceStatus(
                    "alertstream-0:9093",
                    "RUNNING",
                    List.of(0, 2),
                    List.of(1),
                    7,
                    Duration.ofSeconds(42))));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpResponse<String> send(String method, String path, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Reloadable part(String name, String said, RuntimeException failure) {
    return new Reloadable() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String reload() {
        if (failure != null) {
          throw failure;
        }
        return said;
      }
    };
  }

  @Test
  void aReloadRereadsEveryPartAndNamesTheOneThatFailed() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    reloads.add(
        new Reloadable() {
          @Override
          public String name() {
            return "limits overrides /etc/runtime.yaml";
          }

          @Override
          public String reload() {
            return calls.incrementAndGet() + " time(s)";
          }
        });

    HttpResponse<String> ok = send("POST", "/-/reload", null);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("limits overrides /etc/runtime.yaml: 1 time(s)\n");
    assertThat(send("PUT", "/-/reload", null).statusCode()).isEqualTo(200);
    HttpResponse<String> get = send("GET", "/-/reload", null);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.body()).contains("Only POST or PUT requests allowed");
    assertThat(calls).hasValue(2);
    assertThat(configStatus.lastReloadSucceeded()).isTrue();

    reloads.add(part("tenant files tenants/", "", new IllegalStateException("stage.yml: bad")));
    HttpResponse<String> failed = send("POST", "/-/reload", null);
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body())
        .contains("limits overrides /etc/runtime.yaml: 3 time(s)")
        .contains("failed to reload config: tenant files tenants/: stage.yml: bad");
    assertThat(configStatus.lastReloadSucceeded())
        .as("alertmanager_config_last_reload_successful says 0")
        .isFalse();
  }

  @Test
  void aReloadWithNothingToReadSaysSo() throws Exception {
    HttpResponse<String> response = send("POST", "/-/reload", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("nothing to reload");
  }

  @Test
  void theStatusPageShowsThisInstanceAsHtmlOrJson() throws Exception {
    HttpResponse<String> html = send("GET", "/multitenant_alertmanager/status", null);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(html.body())
        .contains("alertstream-0:9093")
        .contains("RUNNING")
        .contains("[0, 2]")
        .contains("<td>7</td>");

    HttpResponse<String> json = send("GET", "/multitenant_alertmanager/status", "application/json");
    var body = new ObjectMapper().readTree(json.body());
    assertThat(body.path("activePartitions").toString()).isEqualTo("[0,2]");
    assertThat(body.path("standbyPartitions").toString()).isEqualTo("[1]");
    assertThat(body.path("tenantsWithConfig").asLong()).isEqualTo(7);
    assertThat(body.path("uptimeSeconds").asLong()).isEqualTo(42);
    assertThat(send("POST", "/multitenant_alertmanager/status", null).statusCode()).isEqualTo(405);
  }
}
