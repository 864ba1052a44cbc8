package io.alertstream.api.receivertest;

import io.alertstream.config.receivers.Integration;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.config.tenant.TenantLimitsSource;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.EgressGuard;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.NetworkTransport;
import io.alertstream.connectors.delivery.SmtpSender;
import io.alertstream.connectors.delivery.Transport;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.notify.Notifiers;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a test notification to every integration of one receiver, through the notifiers and the
 * transport the connectors use, once each (no retries), and tells per integration what became of
 * it. The integrations are tried side by side on a bounded pool and each has {@link #deadline}: a
 * test never takes longer than that, whatever the tenant's endpoints do.
 */
public final class ReceiverTester implements AutoCloseable {

  /** The most integrations one test sends to; a larger receiver's others are reported not sent. */
  public static final int MAX_INTEGRATIONS = 16;

  private final Transport transport;
  private final EgressGuard egress;
  private final String externalUrl;
  private final Duration deadline;
  private final Clock clock;
  private final ThreadPoolExecutor pool;

  /**
   * @param transport sends one attempt
   * @param egress refuses endpoints the operator does not allow
   * @param externalUrl the notifications' external URL
   * @param deadline how long one integration's attempt may take
   * @param threads how many attempts run at once over all tenants; more are refused
   */
  public ReceiverTester(
      Transport transport,
      EgressGuard egress,
      String externalUrl,
      Duration deadline,
      int threads,
      Clock clock) {
    this.transport = transport;
    this.egress = egress;
    this.externalUrl = externalUrl;
    this.deadline = deadline;
    this.clock = clock;
    this.pool =
        new ThreadPoolExecutor(
            0,
            threads,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "alertstream-receiver-test");
              t.setDaemon(true);
              return t;
            });
  }

  /** Over the network, with a 10 s deadline per attempt and 64 attempts at once at most. */
  public static ReceiverTester network(boolean blockPrivateAddresses, String externalUrl) {
    return network(blockPrivateAddresses, externalUrl, TenantLimitsSource.fixed(TenantLimits.NONE));
  }

  /**
   * @param tenants each tenant's limits: its receiver firewall applies to tests as to deliveries
   */
  public static ReceiverTester network(
      boolean blockPrivateAddresses, String externalUrl, TenantLimitsSource tenants) {
    Duration timeout = Duration.ofSeconds(10);
    return new ReceiverTester(
        new NetworkTransport(
            new JdkHttpSender(timeout, Clock.systemUTC()), new SmtpSender(timeout)),
        new EgressGuard(blockPrivateAddresses, tenants),
        externalUrl,
        timeout.plusSeconds(5),
        64,
        Clock.systemUTC());
  }

  /**
   * @param configVersion the version the test is made under (0 for a candidate config)
   */
  public List<IntegrationTestResult> test(
      String tenant,
      ReceiverConfig receiver,
      long configVersion,
      TemplateSet templates,
      TenantSettings settings,
      TestNotification alert) {
    List<Integration> integrations = receiver.integrations();
    List<Attempt> attempts = new ArrayList<>();
    for (int i = 0; i < integrations.size(); i++) {
      Integration integration = integrations.get(i);
      if (i >= MAX_INTEGRATIONS) {
        attempts.add(
            Attempt.done(
                result(
                    integration,
                    "not_sent",
                    "a test sends to the first " + MAX_INTEGRATIONS + " integrations only")));
        continue;
      }
      Notification n =
          alert.to(
              tenant, receiver.name(), integration, configVersion, externalUrl, clock.instant());
      try {
        attempts.add(
            new Attempt(
                integration,
                pool.submit(() -> attempt(n, integration, templates, settings)),
                null));
      } catch (RejectedExecutionException busy) {
        attempts.add(
            Attempt.done(
                result(integration, "not_sent", "too many receiver tests at once; try again")));
      }
    }
    List<IntegrationTestResult> results = new ArrayList<>();
    long until = System.nanoTime() + deadline.toNanos();
    for (Attempt attempt : attempts) {
      results.add(attempt.await(until));
    }
    return results;
  }

  private IntegrationTestResult attempt(
      Notification n, Integration integration, TemplateSet templates, TenantSettings settings) {
    Optional<Notifier<?>> notifier = Notifiers.ALL.forType(integration.type());
    if (notifier.isEmpty()) {
      return result(integration, "failed", "no notifier for type " + integration.type());
    }
    Notifier.Prepared prepared;
    try {
      prepared = Notifiers.prepare(notifier.get(), n, integration, templates);
    } catch (Notifier.Refusal e) {
      return result(integration, "failed", e.getMessage());
    }
    String problems =
        prepared.renderProblems().isEmpty()
            ? ""
            : " (templates that failed and were rendered from their defaults: "
                + String.join("; ", prepared.renderProblems())
                + ")";
    if (settings.dryRun(integration.type())) {
      return result(
          integration,
          "dry_run",
          "not sent: the tenant's alertstream.dry_run setting covers "
              + integration.type()
              + problems);
    }
    Optional<String> blocked = egress.refuse(n.getTenant(), prepared.request().host());
    if (blocked.isPresent()) {
      return result(integration, "failed", blocked.get());
    }
    AttemptResult sent = transport.send(prepared.request());
    if (sent instanceof AttemptResult.Delivered delivered) {
      return result(integration, "delivered", "status " + delivered.status() + problems);
    }
    if (sent instanceof AttemptResult.Retry retry) {
      return result(
          integration, "failed", retry.reason() + " (the connector would try again)" + problems);
    }
    return result(integration, "failed", ((AttemptResult.Failed) sent).reason() + problems);
  }

  private static IntegrationTestResult result(
      Integration integration, String outcome, String detail) {
    return new IntegrationTestResult(
        integration.type(), integration.index(), integration.id(), outcome, detail);
  }

  /** One integration's attempt under way, or its result when it never started. */
  private record Attempt(
      Integration integration, Future<IntegrationTestResult> future, IntegrationTestResult done) {

    static Attempt done(IntegrationTestResult result) {
      return new Attempt(null, null, result);
    }

    IntegrationTestResult await(long untilNanos) {
      if (done != null) {
        return done;
      }
      try {
        return future.get(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        return result(integration, "failed", "no outcome within the test's deadline");
      } catch (ExecutionException e) {
        return result(
            integration, "failed", "unexpected " + e.getCause().getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        future.cancel(true);
        return result(integration, "failed", "interrupted");
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
