package io.alertstream.connectors.metrics;

import io.alertstream.connectors.notify.Notifiers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Histogram;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delivery metrics of a Connect worker under the names the Alertmanager and Mimir mixins read:
 * Alertmanager's ({@code alertmanager_*}, label {@code integration}) and Mimir's per tenant ({@code
 * cortex_alertmanager_*}, label {@code user}). One registry per JVM ({@link #shared()}), fed by
 * every sink task of the worker and served by {@link MetricsRestExtension} on the worker's REST
 * listener. Label values are integration type names, tenant ids and reason names: never a URL or a
 * secret.
 *
 * <p>As Alertmanager does, the {@code alertmanager_*} series of every integration type start at 0.
 * A tenant's {@code cortex_alertmanager_*} series appear with its first notification here, at 0 for
 * every integration type, as Mimir's appear when it loads the tenant's config (its rate-limited
 * count: for the integration types the tenant notifies). The counters are Micrometer's; the latency
 * histograms are Prometheus' own, registered in the same registry, so that they have Alertmanager's
 * buckets and nothing else (a Micrometer timer would add a {@code _max} gauge).
 */
public final class WorkerMetrics {

  /** Prometheus' text exposition format, version 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** The upper bounds of the latency histograms' buckets in seconds, Alertmanager's. */
  static final double[] LATENCY_BUCKETS = {1, 5, 10, 15, 20};

  /** The {@code reason} label of Alertmanager's failed notifications (Alertmanager 0.34). */
  public enum Reason {
    OTHER("other"),
    CLIENT_ERROR("clientError"),
    SERVER_ERROR("serverError"),
    CONTEXT_CANCELED("contextCanceled"),
    CONTEXT_DEADLINE_EXCEEDED("contextDeadlineExceeded"),
    AUTH_ERROR("authError"),
    RATE_LIMITED("rateLimited");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /**
     * What an HTTP status says, as Alertmanager's notifiers classify a failed answer: 401 and 403
     * an auth error, 429 rate limited, any other 4xx a client error, 5xx a server error, anything
     * else (no status at all among them) other.
     */
    public static Reason ofStatus(int status) {
      if (status == 401 || status == 403) {
        return AUTH_ERROR;
      }
      if (status == 429) {
        return RATE_LIMITED;
      }
      if (status / 100 == 4) {
        return CLIENT_ERROR;
      }
      return status / 100 == 5 ? SERVER_ERROR : OTHER;
    }
  }

  private static final String NOTIFICATIONS = "alertmanager.notifications";
  private static final String FAILED = "alertmanager.notifications.failed";
  private static final String REQUESTS = "alertmanager.notification.requests";
  private static final String REQUESTS_FAILED = "alertmanager.notification.requests.failed";
  private static final String LATENCY = "alertmanager_notification_latency_seconds";
  private static final String LATENCY_HELP = "Duration of each request to an integration";
  private static final String MIMIR = "cortex.";
  private static final String RATE_LIMITED = "cortex.alertmanager.notification.rate.limited";

  private static final class Holder {
    static final WorkerMetrics SHARED = new WorkerMetrics(Notifiers.ALL.types());
  }

  /** A counter of one meter name and label values. */
  private record Key(String name, String integration, String user, String reason) {}

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private final List<String> integrations;
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  private final Set<String> users = ConcurrentHashMap.newKeySet();
  private final Histogram latency;
  private final Histogram mimirLatency;

  /** The worker's metrics: one set for every task of the JVM (of this plugin's class loader). */
  public static WorkerMetrics shared() {
    return Holder.SHARED;
  }

  /**
   * @param integrations the integration types whose Alertmanager series start at 0
   */
  public WorkerMetrics(Collection<String> integrations) {
    this.integrations = List.copyOf(integrations);
    latency = latency(LATENCY, LATENCY_HELP).labelNames("integration").build();
    mimirLatency = latency("cortex_" + LATENCY, LATENCY_HELP + ", every tenant").build();
    registry.getPrometheusRegistry().register(latency);
    registry.getPrometheusRegistry().register(mimirLatency);
    for (String integration : integrations) {
      counter(NOTIFICATIONS, integration, null, null);
      counter(REQUESTS, integration, null, null);
      counter(REQUESTS_FAILED, integration, null, null);
      for (Reason reason : Reason.values()) {
        counter(FAILED, integration, null, reason.label());
      }
      latency.initLabelValues(integration);
    }
  }

  /** A notification is attempted: counted once, whatever becomes of it. */
  public void notification(String integration, String user) {
    seen(integration, user);
    counter(NOTIFICATIONS, integration, null, null).increment();
    counter(MIMIR + NOTIFICATIONS, integration, user, null).increment();
  }

  /** A notification is given up on (Mimir's count has no reason). */
  public void failed(String integration, String user, Reason reason) {
    seen(integration, user);
    counter(FAILED, integration, null, reason.label()).increment();
    counter(MIMIR + FAILED, integration, user, null).increment();
  }

  /**
   * One request to the integration.
   *
   * @param took how long the request took; null for a request refused before it was made (the rate
   *     limit, the receiver firewall), which counts without a latency
   */
  public void request(String integration, String user, boolean failed, Duration took) {
    seen(integration, user);
    counter(REQUESTS, integration, null, null).increment();
    counter(MIMIR + REQUESTS, integration, user, null).increment();
    if (failed) {
      counter(REQUESTS_FAILED, integration, null, null).increment();
      counter(MIMIR + REQUESTS_FAILED, integration, user, null).increment();
    }
    if (took != null) {
      double seconds = took.toNanos() / 1e9;
      latency.labelValues(integration).observe(seconds);
      mimirLatency.observe(seconds);
    }
  }

  /** The tenant's notification rate limit refused a notification. */
  public void rateLimited(String integration, String user) {
    seen(integration, user);
    counter(RATE_LIMITED, integration, user, null).increment();
  }

  /** The registry, for a scrape. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Every series in Prometheus' text format ({@link #CONTENT_TYPE}). */
  public String scrape() {
    return registry.scrape(CONTENT_TYPE);
  }

  /** A tenant's series at 0: Mimir's of every integration type, the rate-limited one of this. */
  private void seen(String integration, String user) {
    if (users.add(user)) {
      for (String i : integrations) {
        counter(MIMIR + NOTIFICATIONS, i, user, null);
        counter(MIMIR + FAILED, i, user, null);
        counter(MIMIR + REQUESTS, i, user, null);
        counter(MIMIR + REQUESTS_FAILED, i, user, null);
      }
    }
    counter(RATE_LIMITED, integration, user, null);
  }

  private Counter counter(String name, String integration, String user, String reason) {
    return counters.computeIfAbsent(
        new Key(name, integration, user, reason),
        key -> {
          Counter.Builder builder = Counter.builder(name).description(help(name));
          if (user != null) {
            builder.tag("user", user);
          }
          builder.tag("integration", integration);
          if (reason != null) {
            builder.tag("reason", reason);
          }
          return builder.register(registry);
        });
  }

  private static Histogram.Builder latency(String name, String help) {
    return Histogram.builder()
        .name(name)
        .help(help)
        .classicOnly()
        .classicUpperBounds(LATENCY_BUCKETS)
        .withoutExemplars();
  }

  private static String help(String name) {
    String base = name.startsWith(MIMIR) ? name.substring(MIMIR.length()) : name;
    return switch (base) {
      case NOTIFICATIONS -> "Notifications attempted, each once however many requests it took";
      case FAILED -> "Notifications given up on";
      case REQUESTS -> "Requests to integrations, one per attempt";
      case REQUESTS_FAILED -> "Requests to integrations that did not deliver";
      default -> "Notifications refused by the tenant's notification rate limit";
    };
  }
}
