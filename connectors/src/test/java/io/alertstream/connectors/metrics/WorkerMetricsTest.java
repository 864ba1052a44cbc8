package io.alertstream.connectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.connectors.metrics.WorkerMetrics.Reason;
import io.alertstream.connectors.notify.Notifiers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The text a scrape gives, series by series, as the Alertmanager and Mimir mixins read it. */
class WorkerMetricsTest {

  /** Alertmanager 0.34's integration names, in its own order. */
  private static final List<String> ALERTMANAGER_INTEGRATIONS =
      List.of(
          "email",
          "pagerduty",
          "wechat",
          "pushover",
          "slack",
          "opsgenie",
          "webhook",
          "victorops",
          "sns",
          "telegram",
          "discord",
          "webex",
          "msteams",
          "msteamsv2",
          "incidentio",
          "jira",
          "rocketchat",
          "mattermost");

  private static final List<String> REASONS =
      List.of(
          "other",
          "clientError",
          "serverError",
          "contextCanceled",
          "contextDeadlineExceeded",
          "authError",
          "rateLimited");

  @Test
  void theIntegrationTypesAreAlertmanagersNames() {
    assertThat(Notifiers.ALL.types())
        .containsExactlyInAnyOrderElementsOf(ALERTMANAGER_INTEGRATIONS);
    assertThat(List.of(Reason.values()))
        .extracting(Reason::label)
        .containsExactlyElementsOf(REASONS);
  }

  @Test
  void beforeAnyTrafficEveryIntegrationHasItsAlertmanagerSeriesAtZeroAndNoTenantHasAny() {
    String text = new WorkerMetrics(Notifiers.ALL.types()).scrape();

    List<String> expected = new ArrayList<>();
    for (String i : ALERTMANAGER_INTEGRATIONS) {
      String l = "integration=\"" + i + "\"";
      for (String le : List.of("1.0", "5.0", "10.0", "15.0", "20.0", "+Inf")) {
        expected.add(
            "alertmanager_notification_latency_seconds_bucket{" + l + ",le=\"" + le + "\"} 0");
      }
      expected.add("alertmanager_notification_latency_seconds_count{" + l + "} 0");
      expected.add("alertmanager_notification_latency_seconds_sum{" + l + "} 0.0");
      expected.add("alertmanager_notification_requests_total{" + l + "} 0.0");
      expected.add("alertmanager_notification_requests_failed_total{" + l + "} 0.0");
      expected.add("alertmanager_notifications_total{" + l + "} 0.0");
      for (String reason : REASONS) {
        expected.add(
            "alertmanager_notifications_failed_total{" + l + ",reason=\"" + reason + "\"} 0.0");
      }
    }
    for (String le : List.of("1.0", "5.0", "10.0", "15.0", "20.0", "+Inf")) {
      expected.add("cortex_alertmanager_notification_latency_seconds_bucket{le=\"" + le + "\"} 0");
    }
    expected.add("cortex_alertmanager_notification_latency_seconds_count 0");
    expected.add("cortex_alertmanager_notification_latency_seconds_sum 0.0");
    assertThat(series(text)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(families(text))
        .containsExactlyInAnyOrder(
            "alertmanager_notification_latency_seconds histogram",
            "alertmanager_notification_requests_total counter",
            "alertmanager_notification_requests_failed_total counter",
            "alertmanager_notifications_total counter",
            "alertmanager_notifications_failed_total counter",
            "cortex_alertmanager_notification_latency_seconds histogram");
  }

  @Test
  void aScrapeAfterTrafficIsExactlyAlertmanagersAndMimirsSeries() {
    WorkerMetrics metrics = new WorkerMetrics(List.of("webhook", "slack"));

    metrics.notification("webhook", "acme");
    metrics.request("webhook", "acme", true, Duration.ofMillis(1500));
    metrics.request("webhook", "acme", true, Duration.ofSeconds(25));
    metrics.failed("webhook", "acme", Reason.SERVER_ERROR);
    metrics.notification("webhook", "acme");
    metrics.request("webhook", "acme", false, Duration.ofMillis(250));
    metrics.notification("slack", "beta");
    metrics.rateLimited("slack", "beta");
    metrics.request("slack", "beta", true, null);
    metrics.failed("slack", "beta", Reason.OTHER);

    // A tenant's Mimir series start at 0 for every integration type at its first notification.
    assertThat(metrics.scrape())
        .isEqualTo(
            """
            # HELP alertmanager_notification_latency_seconds Duration of each request to an integration
            # TYPE alertmanager_notification_latency_seconds histogram
            alertmanager_notification_latency_seconds_bucket{integration="slack",le="1.0"} 0
            alertmanager_notification_latency_seconds_bucket{integration="slack",le="5.0"} 0
            alertmanager_notification_latency_seconds_bucket{integration="slack",le="10.0"} 0
            alertmanager_notification_latency_seconds_bucket{integration="slack",le="15.0"} 0
            alertmanager_notification_latency_seconds_bucket{integration="slack",le="20.0"} 0
            alertmanager_notification_latency_seconds_bucket{integration="slack",le="+Inf"} 0
            alertmanager_notification_latency_seconds_count{integration="slack"} 0
            alertmanager_notification_latency_seconds_sum{integration="slack"} 0.0
            alertmanager_notification_latency_seconds_bucket{integration="webhook",le="1.0"} 1
            alertmanager_notification_latency_seconds_bucket{integration="webhook",le="5.0"} 2
            alertmanager_notification_latency_seconds_bucket{integration="webhook",le="10.0"} 2
            alertmanager_notification_latency_seconds_bucket{integration="webhook",le="15.0"} 2
            alertmanager_notification_latency_seconds_bucket{integration="webhook",le="20.0"} 2
            alertmanager_notification_latency_seconds_bucket{integration="webhook",le="+Inf"} 3
            alertmanager_notification_latency_seconds_count{integration="webhook"} 3
            alertmanager_notification_latency_seconds_sum{integration="webhook"} 26.75
            # HELP alertmanager_notification_requests_total Requests to integrations, one per attempt
            # TYPE alertmanager_notification_requests_total counter
            alertmanager_notification_requests_total{integration="slack"} 1.0
            alertmanager_notification_requests_total{integration="webhook"} 3.0
            # HELP alertmanager_notification_requests_failed_total Requests to integrations that did not deliver
            # TYPE alertmanager_notification_requests_failed_total counter
            alertmanager_notification_requests_failed_total{integration="slack"} 1.0
            alertmanager_notification_requests_failed_total{integration="webhook"} 2.0
            # HELP alertmanager_notifications_total Notifications attempted, each once however many requests it took
            # TYPE alertmanager_notifications_total counter
            alertmanager_notifications_total{integration="slack"} 1.0
            alertmanager_notifications_total{integration="webhook"} 2.0
            # HELP alertmanager_notifications_failed_total Notifications given up on
            # TYPE alertmanager_notifications_failed_total counter
            alertmanager_notifications_failed_total{integration="slack",reason="authError"} 0.0
            alertmanager_notifications_failed_total{integration="slack",reason="clientError"} 0.0
            alertmanager_notifications_failed_total{integration="slack",reason="contextCanceled"} 0.0
            alertmanager_notifications_failed_total{integration="slack",reason="contextDeadlineExceeded"} 0.0
            alertmanager_notifications_failed_total{integration="slack",reason="other"} 1.0
            alertmanager_notifications_failed_total{integration="slack",reason="rateLimited"} 0.0
            alertmanager_notifications_failed_total{integration="slack",reason="serverError"} 0.0
            alertmanager_notifications_failed_total{integration="webhook",reason="authError"} 0.0
            alertmanager_notifications_failed_total{integration="webhook",reason="clientError"} 0.0
            alertmanager_notifications_failed_total{integration="webhook",reason="contextCanceled"} 0.0
            alertmanager_notifications_failed_total{integration="webhook",reason="contextDeadlineExceeded"} 0.0
            alertmanager_notifications_failed_total{integration="webhook",reason="other"} 0.0
            alertmanager_notifications_failed_total{integration="webhook",reason="rateLimited"} 0.0
            alertmanager_notifications_failed_total{integration="webhook",reason="serverError"} 1.0
            # HELP cortex_alertmanager_notification_latency_seconds Duration of each request to an integration, every tenant
            # TYPE cortex_alertmanager_notification_latency_seconds histogram
            cortex_alertmanager_notification_latency_seconds_bucket{le="1.0"} 1
            cortex_alertmanager_notification_latency_seconds_bucket{le="5.0"} 2
            cortex_alertmanager_notification_latency_seconds_bucket{le="10.0"} 2
            cortex_alertmanager_notification_latency_seconds_bucket{le="15.0"} 2
            cortex_alertmanager_notification_latency_seconds_bucket{le="20.0"} 2
            cortex_alertmanager_notification_latency_seconds_bucket{le="+Inf"} 3
            cortex_alertmanager_notification_latency_seconds_count 3
            cortex_alertmanager_notification_latency_seconds_sum 26.75
            # HELP cortex_alertmanager_notification_rate_limited_total Notifications refused by the tenant's notification rate limit
            # TYPE cortex_alertmanager_notification_rate_limited_total counter
            cortex_alertmanager_notification_rate_limited_total{integration="slack",user="beta"} 1.0
            cortex_alertmanager_notification_rate_limited_total{integration="webhook",user="acme"} 0.0
            # HELP cortex_alertmanager_notification_requests_total Requests to integrations, one per attempt
            # TYPE cortex_alertmanager_notification_requests_total counter
            cortex_alertmanager_notification_requests_total{integration="slack",user="acme"} 0.0
            cortex_alertmanager_notification_requests_total{integration="slack",user="beta"} 1.0
            cortex_alertmanager_notification_requests_total{integration="webhook",user="acme"} 3.0
            cortex_alertmanager_notification_requests_total{integration="webhook",user="beta"} 0.0
            # HELP cortex_alertmanager_notification_requests_failed_total Requests to integrations that did not deliver
            # TYPE cortex_alertmanager_notification_requests_failed_total counter
            cortex_alertmanager_notification_requests_failed_total{integration="slack",user="acme"} 0.0
            cortex_alertmanager_notification_requests_failed_total{integration="slack",user="beta"} 1.0
            cortex_alertmanager_notification_requests_failed_total{integration="webhook",user="acme"} 2.0
            cortex_alertmanager_notification_requests_failed_total{integration="webhook",user="beta"} 0.0
            # HELP cortex_alertmanager_notifications_total Notifications attempted, each once however many requests it took
            # TYPE cortex_alertmanager_notifications_total counter
            cortex_alertmanager_notifications_total{integration="slack",user="acme"} 0.0
            cortex_alertmanager_notifications_total{integration="slack",user="beta"} 1.0
            cortex_alertmanager_notifications_total{integration="webhook",user="acme"} 2.0
            cortex_alertmanager_notifications_total{integration="webhook",user="beta"} 0.0
            # HELP cortex_alertmanager_notifications_failed_total Notifications given up on
            # TYPE cortex_alertmanager_notifications_failed_total counter
            cortex_alertmanager_notifications_failed_total{integration="slack",user="acme"} 0.0
            cortex_alertmanager_notifications_failed_total{integration="slack",user="beta"} 1.0
            cortex_alertmanager_notifications_failed_total{integration="webhook",user="acme"} 1.0
            cortex_alertmanager_notifications_failed_total{integration="webhook",user="beta"} 0.0
            """);
  }

  @Test
  void anHttpStatusGivesAlertmanagersReason() {
    assertThat(Reason.ofStatus(400)).isEqualTo(Reason.CLIENT_ERROR);
    assertThat(Reason.ofStatus(404)).isEqualTo(Reason.CLIENT_ERROR);
    assertThat(Reason.ofStatus(401)).isEqualTo(Reason.AUTH_ERROR);
    assertThat(Reason.ofStatus(403)).isEqualTo(Reason.AUTH_ERROR);
    assertThat(Reason.ofStatus(429)).isEqualTo(Reason.RATE_LIMITED);
    assertThat(Reason.ofStatus(500)).isEqualTo(Reason.SERVER_ERROR);
    assertThat(Reason.ofStatus(503)).isEqualTo(Reason.SERVER_ERROR);
    assertThat(Reason.ofStatus(302)).isEqualTo(Reason.OTHER);
    assertThat(Reason.ofStatus(200)).isEqualTo(Reason.OTHER);
    assertThat(Reason.ofStatus(0)).isEqualTo(Reason.OTHER);
  }

  @Test
  void everyTaskOfTheWorkerSharesOneRegistry() {
    assertThat(WorkerMetrics.shared()).isSameAs(WorkerMetrics.shared());
    assertThat(WorkerMetrics.shared().scrape())
        .contains("alertmanager_notifications_total{integration=\"mattermost\"}");
  }

  /** The sample lines of a scrape. */
  static List<String> series(String text) {
    return text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
  }

  /** Each family's name and type. */
  static Set<String> families(String text) {
    Set<String> out = new TreeSet<>();
    text.lines()
        .filter(l -> l.startsWith("# TYPE "))
        .forEach(l -> out.add(l.substring("# TYPE ".length())));
    return out;
  }
}
