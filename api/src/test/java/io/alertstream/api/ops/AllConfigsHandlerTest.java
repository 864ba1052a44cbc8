package io.alertstream.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.alertstream.schemas.TenantConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AllConfigsHandlerTest {

  private static final String CONFIG =
      "route:\n  receiver: team\nreceivers:\n  - name: team\n    webhook_configs:\n"
          + "      - url: https://hooks.example.com/s3cr3t-path\n";

  private HttpServer server;

  private HttpResponse<String> get(Supplier<Map<String, TenantConfig>> configs, boolean auth)
      throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/multitenant_alertmanager/configs", new AllConfigsHandler(configs, auth));
    server.start();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + server.getAddress().getPort()
                            + "/multitenant_alertmanager/configs"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static TenantConfig config(String tenant) {
    return TenantConfig.newBuilder()
        .setTenant(tenant)
        .setVersion(1)
        .setAlertmanagerConfig(CONFIG)
        .setTemplateFiles(Map.of("a.tmpl", "{{ define \"x\" }}y{{ end }}"))
        .setUpdatedAt(Instant.EPOCH)
        .build();
  }

  @Test
  void listsEveryTenantsConfigWithSecretsMasked() throws Exception {
    HttpResponse<String> response =
        get(
            () -> new java.util.TreeMap<>(Map.of("acme", config("acme"), "zeta", config("zeta"))),
            false);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
    assertThat(response.body())
        .startsWith("acme:\n  template_files:\n    a.tmpl:")
        .contains("zeta:\n")
        .contains("<secret>")
        .doesNotContain("s3cr3t-path");
  }

  @Test
  void withAuthenticationOnItIsRefused() throws Exception {
    HttpResponse<String> response = get(() -> Map.of("acme", config("acme")), true);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("tenant authentication is on");
  }

  @Test
  void aKafkaFailureIsA503() throws Exception {
    HttpResponse<String> response =
        get(
            () -> {
              throw new TimeoutException("reading alertstream-configs took too long");
            },
            false);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("took too long");
  }
}
