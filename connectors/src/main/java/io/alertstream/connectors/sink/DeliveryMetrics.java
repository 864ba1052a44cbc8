package io.alertstream.connectors.sink;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Max;

/**
 * Per integration type (the notification's) and tenant: notifications sent, failed by reason,
 * retried, and the latency from the notification's creation to its delivery. Published through
 * Connect's plugin metrics (JMX and any metrics reporter the worker has); tags carry integration
 * types, tenant ids and reason names, never a secret or an endpoint.
 */
public final class DeliveryMetrics {

  /** The integration tag of a record whose type is unknown or cannot be read. */
  public static final String UNKNOWN_TYPE = "unknown";

  /** Why a notification was not delivered. */
  public enum FailureReason {
    /** The endpoint refused it (a 4xx other than 429, an SMTP 5xx). */
    REJECTED,
    /** 429, 5xx or network failures for longer than the retry timeout. */
    RETRIES_EXHAUSTED,
    RATE_LIMITED,
    EGRESS_BLOCKED,
    /** The tenant's config no longer has the receiver or integration, or it names none. */
    CONFIG,
    /** The record could not be read as a notification. */
    UNREADABLE,
    /** No notifier handles the notification's integration type. */
    UNKNOWN_TYPE,
    /** Building or sending the request failed in a way nothing above foresaw (a bug). */
    INTERNAL;

    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final PluginMetrics metrics;
  private final Map<String, Sensor> sensors = new ConcurrentHashMap<>();

  /**
   * @param metrics the task's plugin metrics; null for none
   */
  public DeliveryMetrics(PluginMetrics metrics) {
    this.metrics = metrics;
  }

  public void sent(String integration, String tenant, long latencyMs) {
    sensor(
            integration,
            "sent",
            tenant,
            Map.of(),
            s -> {
              s.add(
                  name(
                      "notifications-sent-total",
                      "Notifications delivered",
                      integration,
                      tenant,
                      Map.of()),
                  new CumulativeCount());
              s.add(
                  name(
                      "notification-latency-avg-ms",
                      "Mean time from notification to delivery",
                      integration,
                      tenant,
                      Map.of()),
                  new Avg());
              s.add(
                  name(
                      "notification-latency-max-ms",
                      "Longest time from notification to delivery",
                      integration,
                      tenant,
                      Map.of()),
                  new Max());
            })
        .record(latencyMs);
  }

  public void failed(String integration, String tenant, FailureReason reason) {
    Map<String, String> tags = Map.of("reason", reason.tag());
    sensor(
            integration,
            "failed-" + reason.tag(),
            tenant,
            tags,
            s ->
                s.add(
                    name(
                        "notifications-failed-total",
                        "Notifications not delivered, by reason",
                        integration,
                        tenant,
                        tags),
                    new CumulativeCount()))
        .record();
  }

  public void retried(String integration, String tenant) {
    sensor(
            integration,
            "retried",
            tenant,
            Map.of(),
            s ->
                s.add(
                    name(
                        "delivery-retries-total",
                        "Attempts that failed and were retried",
                        integration,
                        tenant,
                        Map.of()),
                    new CumulativeCount()))
        .record();
  }

  private Sensor sensor(
      String integration,
      String what,
      String tenant,
      Map<String, String> tags,
      Consumer<Sensor> init) {
    if (metrics == null) {
      return NO_OP;
    }
    return sensors.computeIfAbsent(
        "alertstream-" + integration + "-" + what + "|" + tenant,
        key -> {
          Sensor sensor = metrics.addSensor(key);
          init.accept(sensor);
          return sensor;
        });
  }

  private MetricName name(
      String name,
      String description,
      String integration,
      String tenant,
      Map<String, String> extra) {
    LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    tags.put("integration", integration);
    tags.put("tenant", tenant);
    tags.putAll(extra);
    return metrics.metricName(name, description, tags);
  }

  private static final Sensor NO_OP = new Metrics().sensor("alertstream-no-op");

  /** Removes this task's metrics. */
  public void close() {
    if (metrics != null) {
      sensors.keySet().forEach(metrics::removeSensor);
    }
  }
}
