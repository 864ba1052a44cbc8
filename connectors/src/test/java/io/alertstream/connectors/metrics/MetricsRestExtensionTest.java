package io.alertstream.connectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ServiceLoader;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.runtime.rest.ConnectRestConfigurable;
import org.apache.kafka.connect.runtime.rest.ConnectRestExtensionContextImpl;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The extension on Jersey and Jetty as Connect's REST server wires extensions: registered through
 * Connect's {@link ConnectRestConfigurable} over the resource config of the servlet at "/".
 */
class MetricsRestExtensionTest {

  private final WorkerMetrics metrics = WorkerMetrics.shared();
  private final HttpClient client = HttpClient.newHttpClient();
  private Server server;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    ResourceConfig resources = new ResourceConfig();
    resources.register(new JacksonJsonProvider());
    try (MetricsRestExtension extension = new MetricsRestExtension()) {
      extension.register(
          new ConnectRestExtensionContextImpl(new ConnectRestConfigurable(resources), null));
    }
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new ServletContainer(resources)), "/*");
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void getMetricsAnswersThePrometheusTextFormat() throws Exception {
    metrics.notification("webhook", "rest-extension-test");

    HttpResponse<String> answer = get("/metrics", "*/*");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(answer.body())
        .contains("# TYPE alertmanager_notifications_total counter")
        .contains("alertmanager_notifications_total{integration=\"webhook\"}")
        .contains(
            "cortex_alertmanager_notifications_total{integration=\"webhook\",user=\"rest-extension-test\"} 1.0");
  }

  @Test
  void whatPrometheusAcceptsGetsTheTextFormatToo() throws Exception {
    HttpResponse<String> answer =
        get(
            "/metrics",
            "application/openmetrics-text;version=1.0.0;q=0.5,"
                + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
  }

  @Test
  void theWorkerFindsTheExtensionByServiceLoader() {
    assertThat(ServiceLoader.load(ConnectRestExtension.class).stream())
        .anyMatch(p -> p.type() == MetricsRestExtension.class);
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return client.send(
        HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
