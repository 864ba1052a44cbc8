package io.alertstream.topology.api;

import com.sun.net.httpserver.HttpServer;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.topology.tenancy.TenantConfigStore;
import io.alertstream.topology.tenancy.TenantConfigWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Alertstream's HTTP API on the JDK's own server, so that it shares no HTTP stack with Kafka
 * Connect's Jetty when both run in one process. Served at {@code /api/v2} and under Mimir's {@code
 * /alertmanager} prefix.
 */
public final class ApiServer implements AutoCloseable {

  private static final String[] PREFIXES = {"", "/alertmanager"};

  private final HttpServer server;
  private final ExecutorService executor;

  /** What the API serves from. */
  public record Services(
      AlertSink alerts,
      TenantConfigStore configs,
      TenantConfigWriter configWriter,
      TenantLimits limits) {}

  public ApiServer(InetSocketAddress address, Services services, Clock clock) throws IOException {
    server = HttpServer.create(address, 0);
    executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "alertstream-api");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    PostAlertsHandler postAlerts = new PostAlertsHandler(services.alerts(), clock);
    for (String prefix : PREFIXES) {
      server.createContext(prefix + "/api/v2/alerts", postAlerts);
    }
    server.createContext(
        "/api/v1/alerts",
        new ConfigApiHandler(
            services.configs(), services.configWriter(), services.limits(), clock));
  }

  public ApiServer start() {
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
