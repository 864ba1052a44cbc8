package io.alertstream.api;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.alertstream.api.auth.TenantCredentials;
import io.alertstream.api.receivertest.ReceiverTester;
import io.alertstream.config.tenant.TenantLimitsSource;
import io.alertstream.topology.history.AlertHistory;
import io.alertstream.topology.metrics.TopologyMetrics;
import io.alertstream.topology.query.TenantLocator;
import io.alertstream.topology.query.TenantSnapshots;
import io.alertstream.topology.query.TenantStateReader;
import io.alertstream.topology.replay.WhatIf;
import io.alertstream.topology.tenancy.FallbackConfigSource;
import io.alertstream.topology.tenancy.TenantConfigStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Alertstream's HTTP API on the JDK's own server, so that it shares no HTTP stack with Kafka
 * Connect's Jetty when both run in one process: Alertmanager's API v2 at {@code /api/v2} and under
 * Mimir's {@code /alertmanager} prefix, Mimir's config API at {@code /api/v1/alerts}, and the web
 * UI at {@code /ui/}.
 */
public final class ApiServer implements AutoCloseable {

  private static final String[] PREFIXES = {"", "/alertmanager"};

  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * What the API serves from.
   *
   * @param credentials present: every request must authenticate as the tenant it is for
   * @param receiverTester sends the test notifications of {@code /api/v1/receivers/test}
   * @param history reads the alert history of {@code /api/v1/history} back from Kafka
   */
  public record Services(
      AlertSink alerts,
      TenantConfigStore configs,
      TenantConfigWriter configWriter,
      TenantLimitsSource limits,
      TenantStateReader state,
      SilenceSink silences,
      FallbackConfigSource fallbackConfig,
      Optional<TenantCredentials> credentials,
      TenantLocator locator,
      Optional<WhatIf> whatIf,
      ReceiverTester receiverTester,
      Optional<AlertHistory> history,
      TopologyMetrics metrics) {

    /** Services that count nothing into the instance's metrics. */
    public Services(
        AlertSink alerts,
        TenantConfigStore configs,
        TenantConfigWriter configWriter,
        TenantLimitsSource limits,
        TenantStateReader state,
        SilenceSink silences,
        FallbackConfigSource fallbackConfig,
        Optional<TenantCredentials> credentials,
        TenantLocator locator,
        Optional<WhatIf> whatIf,
        ReceiverTester receiverTester,
        Optional<AlertHistory> history) {
      this(
          alerts,
          configs,
          configWriter,
          limits,
          state,
          silences,
          fallbackConfig,
          credentials,
          locator,
          whatIf,
          receiverTester,
          history,
          TopologyMetrics.NONE);
    }

    /** Services without the alert history (its endpoint answers 501). */
    public Services(
        AlertSink alerts,
        TenantConfigStore configs,
        TenantConfigWriter configWriter,
        TenantLimitsSource limits,
        TenantStateReader state,
        SilenceSink silences,
        FallbackConfigSource fallbackConfig,
        Optional<TenantCredentials> credentials,
        TenantLocator locator,
        Optional<WhatIf> whatIf,
        ReceiverTester receiverTester) {
      this(
          alerts,
          configs,
          configWriter,
          limits,
          state,
          silences,
          fallbackConfig,
          credentials,
          locator,
          whatIf,
          receiverTester,
          Optional.empty());
    }

    public Services withHistory(AlertHistory history) {
      return new Services(
          alerts,
          configs,
          configWriter,
          limits,
          state,
          silences,
          fallbackConfig,
          credentials,
          locator,
          whatIf,
          receiverTester,
          Optional.of(history),
          metrics);
    }

    public Services withLimits(TenantLimitsSource limits) {
      return new Services(
          alerts,
          configs,
          configWriter,
          limits,
          state,
          silences,
          fallbackConfig,
          credentials,
          locator,
          whatIf,
          receiverTester,
          history,
          metrics);
    }

    public Services withCredentials(TenantCredentials credentials) {
      return new Services(
          alerts,
          configs,
          configWriter,
          limits,
          state,
          silences,
          fallbackConfig,
          Optional.of(credentials),
          locator,
          whatIf,
          receiverTester,
          history,
          metrics);
    }

    /** Alerts the API refuses (invalid, over a limit) are counted into the instance's metrics. */
    public Services withMetrics(TopologyMetrics metrics) {
      return new Services(
          alerts,
          configs,
          configWriter,
          limits,
          state,
          silences,
          fallbackConfig,
          credentials,
          locator,
          whatIf,
          receiverTester,
          history,
          metrics);
    }

    public Services withLocator(TenantLocator locator) {
      return new Services(
          alerts,
          configs,
          configWriter,
          limits,
          state,
          silences,
          fallbackConfig,
          credentials,
          locator,
          whatIf,
          receiverTester,
          history,
          metrics);
    }
  }

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
    RequestTenant tenants =
        new RequestTenant(services.credentials(), new Forwarder(services.locator()));
    TenantSnapshots snapshots =
        new TenantSnapshots(services.configs(), services.state(), services.fallbackConfig(), clock);
    HttpHandler alerts =
        new MethodSwitch(
            Map.of(
                "GET",
                new AlertsReadHandler(tenants, snapshots, false),
                "POST",
                new PostAlertsHandler(
                    tenants,
                    services.alerts(),
                    services.state(),
                    services.limits(),
                    services.metrics(),
                    clock)));
    HttpHandler silences =
        new SilencesHandler(
            tenants,
            services.state(),
            services.silences(),
            SilenceChanges.random(),
            services.limits(),
            clock);
    java.time.Instant startedAt = clock.instant();
    for (String prefix : PREFIXES) {
      String v2 = prefix + "/api/v2";
      server.createContext(v2 + "/alerts", alerts);
      server.createContext(v2 + "/alerts/groups", new AlertsReadHandler(tenants, snapshots, true));
      server.createContext(v2 + "/silences", silences);
      server.createContext(v2 + "/silence/", silences);
      server.createContext(v2 + "/status", new StatusHandler(tenants, snapshots, false, startedAt));
      server.createContext(
          v2 + "/receivers", new StatusHandler(tenants, snapshots, true, startedAt));
    }
    StaticFiles ui = new StaticFiles();
    server.createContext("/ui", ui);
    server.createContext("/", ui);
    server.createContext("/api/v1/explain", new ExplainHandler(tenants, snapshots));
    server.createContext(
        "/api/v1/replay", new ReplayHandler(tenants, snapshots, services.whatIf()));
    server.createContext(
        "/api/v1/history", new HistoryHandler(tenants, snapshots, services.history()));
    server.createContext("/api/v1/routes", new TenantInfoHandler(tenants, snapshots, true));
    server.createContext("/api/v1/notifications", new TenantInfoHandler(tenants, snapshots, false));
    server.createContext("/api/v1/settings", new TenantSettingsHandler(tenants, snapshots));
    server.createContext(
        "/api/v1/receivers/test",
        new ReceiversTestHandler(
            tenants, services.configs(), services.limits(), services.receiverTester()));
    server.createContext(
        "/api/v1/alerts",
        new ConfigApiHandler(
            tenants, services.configs(), services.configWriter(), services.limits(), clock));
  }

  /** Serves another path (metrics, probes) beside the API; call before {@link #start()}. */
  public ApiServer addContext(String path, HttpHandler handler) {
    server.createContext(path, handler);
    return this;
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
