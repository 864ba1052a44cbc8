package io.alertstream.connectors.sink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Max;

/**
 * Per tenant and integration: notifications sent, failed by reason, retried, and the latency from
 * the notification's creation to its delivery. Published through Connect's plugin metrics (JMX and
 * any metrics reporter the worker has); tags carry tenant ids and reason names, never a secret or
 * an endpoint.
 */
public final class DeliveryMetrics {

  /** Why a notification was not delivered. */
  public enum FailureReason {
    /** The endpoint refused it (a 4xx other than 429, an SMTP 5xx). */
    REJECTED,
    /** 429, 5xx or network failures for longer than the retry timeout. */
    RETRIES_EXHAUSTED,
    RATE_LIMITED,
    EGRESS_BLOCKED,
    /** The tenant's config no longer has the receiver or integration. */
    CONFIG,
    /** The record could not be read as a notification. */
    UNREADABLE;

    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final PluginMetrics metrics;
  private final String integration;
  private final Map<String, Sensor> sensors = new ConcurrentHashMap<>();

  public DeliveryMetrics(PluginMetrics metrics, String integration) {
    this.metrics = metrics;
    this.integration = integration;
  }

  public void sent(String tenant, long latencyMs) {
    sensor(
            "sent",
            tenant,
            Map.of(),
            s -> {
              s.add(
                  name("notifications-sent-total", "Notifications delivered", tenant, Map.of()),
                  new CumulativeCount());
              s.add(
                  name(
                      "notification-latency-avg-ms",
                      "Mean time from notification to delivery",
                      tenant,
                      Map.of()),
                  new Avg());
              s.add(
                  name(
                      "notification-latency-max-ms",
                      "Longest time from notification to delivery",
                      tenant,
                      Map.of()),
                  new Max());
            })
        .record(latencyMs);
  }

  public void failed(String tenant, FailureReason reason) {
    Map<String, String> tags = Map.of("reason", reason.tag());
    sensor(
            "failed-" + reason.tag(),
            tenant,
            tags,
            s ->
                s.add(
                    name(
                        "notifications-failed-total",
                        "Notifications not delivered, by reason",
                        tenant,
                        tags),
                    new CumulativeCount()))
        .record();
  }

  public void retried(String tenant) {
    sensor(
            "retried",
            tenant,
            Map.of(),
            s ->
                s.add(
                    name(
                        "delivery-retries-total",
                        "Attempts that failed and were retried",
                        tenant,
                        Map.of()),
                    new CumulativeCount()))
        .record();
  }

  private Sensor sensor(
      String what,
      String tenant,
      Map<String, String> tags,
      java.util.function.Consumer<Sensor> init) {
    if (metrics == null) {
      return NO_OP;
    }
    return sensors.computeIfAbsent(
        what + "|" + tenant,
        key -> {
          Sensor sensor = metrics.addSensor("alertstream-" + integration + "-" + key);
          init.accept(sensor);
          return sensor;
        });
  }

  private org.apache.kafka.common.MetricName name(
      String name, String description, String tenant, Map<String, String> extra) {
    LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    tags.put("integration", integration);
    tags.put("tenant", tenant);
    tags.putAll(extra);
    return metrics.metricName(name, description, tags);
  }

  private static final Sensor NO_OP =
      new org.apache.kafka.common.metrics.Metrics().sensor("alertstream-no-op");

  /** Removes this task's metrics. */
  public void close() {
    if (metrics != null) {
      sensors.keySet().forEach(k -> metrics.removeSensor("alertstream-" + integration + "-" + k));
    }
  }
}
