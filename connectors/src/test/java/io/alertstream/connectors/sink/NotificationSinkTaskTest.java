package io.alertstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.Integration;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.delivery.Transport;
import io.alertstream.connectors.metrics.WorkerMetrics;
import io.alertstream.connectors.notify.Notifiers;
import io.alertstream.connectors.tenantconfig.TenantConfigCache;
import io.alertstream.connectors.tenantconfig.TenantConfigSource;
import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.IntegrationRef;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.InMemorySchemaRegistryClient;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sink task over fakes: no broker, no registry, no endpoint, a clock that moves on demand. */
class NotificationSinkTaskTest {

  private static final String WEBHOOK_TOPIC = "alertstream-notifications-webhook";
  private static final String SLACK_TOPIC = "alertstream-notifications-slack";
  private static final TopicPartition WEBHOOKS = new TopicPartition(WEBHOOK_TOPIC, 0);
  private static final TopicPartition SLACKS = new TopicPartition(SLACK_TOPIC, 0);
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Receiver team-x with two webhooks (a, b) and a Slack integration. */
  private static final String V1 =
      """
      route: {receiver: team-x}
      receivers:
      - name: team-x
        webhook_configs:
        - url: http://hooks.example/a
        - url: http://hooks.example/b
        slack_configs:
        - api_url: https://slack.example/services/x
      """;

  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AvroSerializer<Notification> serializer = new AvroSerializer<>(registry);
  private final TenantConfigCache configs = new TenantConfigCache();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final FakeTransport transport = new FakeTransport();
  private final FakeOutcomes outcomes = new FakeOutcomes();
  private final List<Outbound> dryRuns = new CopyOnWriteArrayList<>();
  private final FakeDeadLetterQueue dlq = new FakeDeadLetterQueue();
  private final Metrics kafkaMetrics = new Metrics();
  private final FakeContext context = new FakeContext();
  private final FakeEnvironment environment = new FakeEnvironment();
  private final WorkerMetrics worker = new WorkerMetrics(Notifiers.ALL.types());
  private NotificationSinkTask task;

  @AfterEach
  void stop() {
    transport.release.countDown();
    if (task != null) {
      task.stop();
      assertThat(environment.closed).isTrue();
    }
    kafkaMetrics.close();
  }

  // --- the cases ---------------------------------------------------------------------------

  @Test
  void aDeliveredNotificationReportsDeliveredAndItsOffsetCanBeCommitted() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    start(Map.of());
    Notification n = notification("n-1", "g1", integration(V1, "webhook", 0), 1);

    task.put(List.of(record(n, 0)));

    var outcome = awaitOutcome("n-1");
    assertThat(outcome.getOutcome()).isEqualTo(DeliveryResult.DELIVERED);
    assertThat(outcome.getReason()).isEmpty();
    assertThat(outcome.getAttempts()).isEqualTo(1);
    assertThat(outcome.getTenant()).isEqualTo("acme");
    assertThat(outcome.getReceiver()).isEqualTo("team-x");
    assertThat(outcome.getIntegrationType()).isEqualTo("webhook");
    assertThat(outcome.getIntegrationId()).isEqualTo(n.getIntegration().getId());
    assertThat(outcome.getGroupKey()).isEqualTo("g1");
    assertThat(outcome.getConfigVersion()).isEqualTo(1);
    assertThat(outcome.getFirstAttemptAt()).isEqualTo(clock.instant());
    assertThat(outcome.getFinishedAt()).isEqualTo(clock.instant());
    assertThat(transport.urls()).containsExactly("http://hooks.example/a");
    assertThat(transport.threads).allMatch(t -> t.startsWith("alertstream-webhook-delivery-"));

    awaitCommittable(WEBHOOKS, 1);
    assertThat(outcomes.durable).extracting(o -> o.getNotificationId()).containsExactly("n-1");
    assertThat(dlq.records).isEmpty();
    assertThat(sentTotal("webhook")).isEqualTo(1.0);
    assertThat(series("alertmanager_notifications_total{integration=\"webhook\"}")).isEqualTo(1.0);
    assertThat(series("alertmanager_notification_requests_total{integration=\"webhook\"}"))
        .isEqualTo(1.0);
    assertThat(series("alertmanager_notification_requests_failed_total{integration=\"webhook\"}"))
        .isEqualTo(0.0);
    assertThat(
            series(
                "alertmanager_notification_latency_seconds_bucket{integration=\"webhook\",le=\"1.0\"}"))
        .isEqualTo(1.0);
    assertThat(series(ACME_WEBHOOK.formatted("notifications_total"))).isEqualTo(1.0);
    assertThat(series(ACME_WEBHOOK.formatted("notification_requests_total"))).isEqualTo(1.0);
    assertThat(series(ACME_WEBHOOK.formatted("notifications_failed_total"))).isEqualTo(0.0);
    assertThat(series(ACME_WEBHOOK.formatted("notification_rate_limited_total"))).isEqualTo(0.0);
    // The tenant's series of every other type start at 0 too, as Mimir's do.
    assertThat(
            series(
                "cortex_alertmanager_notifications_failed_total{integration=\"email\",user=\"acme\"}"))
        .isEqualTo(0.0);
    assertThat(series("cortex_alertmanager_notification_latency_seconds_count")).isEqualTo(1.0);
    assertThat(failedSeries("webhook")).allSatisfy((reason, value) -> assertThat(value).isZero());
  }

  @Test
  void aRefusedNotificationGoesToTheDlqAndIsReportedDeadLetteredWithTheReason() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    transport.answer =
        r -> new AttemptResult.Failed("unexpected status code 400: bad payload", 400);
    start(Map.of());

    task.put(List.of(record(notification("n-1", "g1", integration(V1, "webhook", 0), 1), 0)));

    awaitDeadLetters(1);
    assertThat(dlq.errors.get(0))
        .isInstanceOf(UndeliverableNotificationException.class)
        .hasMessage("unexpected status code 400: bad payload");
    var outcome = awaitOutcome("n-1");
    assertThat(outcome.getOutcome()).isEqualTo(DeliveryResult.DEAD_LETTERED);
    assertThat(outcome.getReason()).isEqualTo("unexpected status code 400: bad payload");
    assertThat(outcome.getAttempts()).isEqualTo(1);
    // The outcome says the notification is in the DLQ: it is written after the DLQ record.
    assertThat(events).containsExactly("dlq 0", "outcome DEAD_LETTERED n-1");
    assertThat(transport.sent).hasSize(1);
    assertThat(task.preCommit(Map.of(WEBHOOKS, new OffsetAndMetadata(1))))
        .containsEntry(WEBHOOKS, new OffsetAndMetadata(1));
    assertThat(failedTotal("webhook", "rejected")).isEqualTo(1.0);
    assertThat(failedSeries("webhook"))
        .containsEntry("clientError", 1.0)
        .containsEntry("other", 0.0);
    assertThat(series("alertmanager_notifications_total{integration=\"webhook\"}")).isEqualTo(1.0);
    assertThat(series("alertmanager_notification_requests_failed_total{integration=\"webhook\"}"))
        .isEqualTo(1.0);
    assertThat(series(ACME_WEBHOOK.formatted("notifications_failed_total"))).isEqualTo(1.0);
    assertThat(series(ACME_WEBHOOK.formatted("notification_requests_failed_total"))).isEqualTo(1.0);
  }

  @Test
  void anUnauthorizedAnswerFailsWithAlertmanagersAuthErrorReason() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    transport.answer = r -> new AttemptResult.Failed("unexpected status code 401", 401);
    start(Map.of());

    task.put(List.of(record(notification("n-1", "g1", integration(V1, "webhook", 0), 1), 0)));

    awaitDeadLetters(1);
    assertThat(failedSeries("webhook"))
        .containsEntry("authError", 1.0)
        .containsEntry("clientError", 0.0);
  }

  @Test
  void anUnexpectedExceptionDeadLettersTheNotificationWithoutItsMessage() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    transport.answer =
        r -> {
          throw new IllegalStateException("boom at http://hooks.example/a?token=s3cret");
        };
    start(Map.of());

    task.put(List.of(record(notification("n-1", "g1", integration(V1, "webhook", 0), 1), 0)));

    awaitDeadLetters(1);
    var outcome = awaitOutcome("n-1");
    assertThat(outcome.getOutcome()).isEqualTo(DeliveryResult.DEAD_LETTERED);
    assertThat(outcome.getReason())
        .isEqualTo("unexpected IllegalStateException")
        .doesNotContain("s3cret");
    assertThat(transport.sent).hasSize(1);
    assertThat(failedTotal("webhook", "internal")).isEqualTo(1.0);
    assertThat(failedSeries("webhook")).containsEntry("other", 1.0);
    assertThat(series("alertmanager_notification_requests_failed_total{integration=\"webhook\"}"))
        .isEqualTo(1.0);
  }

  @Test
  void aFailureOnARevokedPartitionIsLeftToItsNewOwner() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    transport.holding = true;
    transport.answer = r -> new AttemptResult.Failed("unexpected status code 400");
    start(Map.of());
    task.put(List.of(record(notification("n-1", "g1", integration(V1, "webhook", 0), 1), 0)));
    await().atMost(WAIT).until(() -> transport.sent.size() == 1);

    task.close(List.of(WEBHOOKS));
    transport.release.countDown();
    // The held attempt fails after the revocation; it is queued right after it is counted.
    await().atMost(WAIT).until(() -> failedTotal("webhook", "rejected") == 1.0);
    Thread.sleep(100);
    task.put(List.of());
    task.preCommit(Map.of());

    assertThat(dlq.records).isEmpty();
    assertThat(outcomes.durable).isEmpty();
  }

  @Test
  void aRetryableFailureIsRetriedWithBackoffUntilTheRetryTimeoutThenDeadLettered()
      throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    Instant start = clock.instant();
    // Every attempt takes two minutes of the fake clock and gets a 503.
    transport.answer =
        r -> {
          clock.advance(Duration.ofMinutes(2));
          return new AttemptResult.Retry("unexpected status code 503", Optional.empty(), 503);
        };
    start(
        Map.of(
            NotificationSinkConfig.RETRY_TIMEOUT_MS, "600000",
            NotificationSinkConfig.RETRY_BACKOFF_MS, "1000",
            NotificationSinkConfig.RETRY_BACKOFF_MAX_MS, "60000"));

    task.put(List.of(record(notification("n-1", "g1", integration(V1, "webhook", 0), 1), 0)));

    awaitDeadLetters(1);
    // At 2, 4, 6 and 8 minutes the next wait still ends within 10 minutes; at 10 it does not.
    assertThat(transport.sent).hasSize(5);
    assertThat(environment.executors).hasSize(1);
    assertThat(environment.executors.get(0).delaysMs).containsExactly(1000L, 2000L, 4000L, 8000L);
    var outcome = awaitOutcome("n-1");
    assertThat(outcome.getOutcome()).isEqualTo(DeliveryResult.DEAD_LETTERED);
    assertThat(outcome.getReason())
        .isEqualTo("gave up after 5 attempts in 600 s: unexpected status code 503");
    assertThat(outcome.getAttempts()).isEqualTo(5);
    assertThat(outcome.getFirstAttemptAt()).isEqualTo(start);
    assertThat(outcome.getFinishedAt()).isEqualTo(start.plus(Duration.ofMinutes(10)));
    assertThat(retriesTotal("webhook")).isEqualTo(4.0);
    // One notification, five requests, each two minutes long; it failed as its last request did.
    assertThat(series("alertmanager_notifications_total{integration=\"webhook\"}")).isEqualTo(1.0);
    assertThat(series("alertmanager_notification_requests_total{integration=\"webhook\"}"))
        .isEqualTo(5.0);
    assertThat(series("alertmanager_notification_requests_failed_total{integration=\"webhook\"}"))
        .isEqualTo(5.0);
    assertThat(failedSeries("webhook"))
        .containsEntry("serverError", 1.0)
        .containsEntry("other", 0.0);
    assertThat(
            series(
                "alertmanager_notification_latency_seconds_bucket{integration=\"webhook\",le=\"20.0\"}"))
        .isEqualTo(0.0);
    assertThat(
            series(
                "alertmanager_notification_latency_seconds_bucket{integration=\"webhook\",le=\"+Inf\"}"))
        .isEqualTo(5.0);
    assertThat(series("alertmanager_notification_latency_seconds_sum{integration=\"webhook\"}"))
        .isEqualTo(600.0);
    assertThat(series("cortex_alertmanager_notification_latency_seconds_count")).isEqualTo(5.0);
    assertThat(series(ACME_WEBHOOK.formatted("notification_requests_failed_total"))).isEqualTo(5.0);
    assertThat(series(ACME_WEBHOOK.formatted("notifications_failed_total"))).isEqualTo(1.0);
  }

  @Test
  void retriesThatRanOutBeforeAnyRequestFailAsAlertmanagersDeadlineExceeded() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    // The notification's config version never arrives; the first wait already passes the timeout.
    start(
        Map.of(
            NotificationSinkConfig.CONFIG_WAIT_MS, "20",
            NotificationSinkConfig.RETRY_TIMEOUT_MS, "500"));

    task.put(List.of(record(notification("n-1", "g1", integration(V1, "webhook", 0), 2), 0)));

    awaitDeadLetters(1);
    assertThat(transport.sent).isEmpty();
    assertThat(failedSeries("webhook"))
        .containsEntry("contextDeadlineExceeded", 1.0)
        .containsEntry("other", 0.0);
    assertThat(series("alertmanager_notifications_total{integration=\"webhook\"}")).isEqualTo(1.0);
    assertThat(series("alertmanager_notification_requests_total{integration=\"webhook\"}"))
        .isEqualTo(0.0);
  }

  @Test
  void anIntegrationRemovedFromTheConfigIsDeadLetteredNamingTheVersionAndNothingIsSent()
      throws Exception {
    String v2 =
        """
        route: {receiver: team-x}
        receivers:
        - name: team-x
          webhook_configs:
          - url: http://hooks.example/a
        """;
    configs.apply("acme", tenantConfig(2, v2));
    start(Map.of());
    Integration b = integration(V1, "webhook", 1);

    task.put(List.of(record(notification("n-1", "g1", b, 1), 0)));

    awaitDeadLetters(1);
    var outcome = awaitOutcome("n-1");
    assertThat(outcome.getOutcome()).isEqualTo(DeliveryResult.DEAD_LETTERED);
    assertThat(outcome.getReason())
        .isEqualTo("integration " + b.id() + " of receiver \"team-x\" removed in config version 2");
    assertThat(transport.sent).isEmpty();
    assertThat(failedTotal("webhook", "config")).isEqualTo(1.0);
    assertThat(failedSeries("webhook")).containsEntry("other", 1.0);
    assertThat(series("alertmanager_notifications_total{integration=\"webhook\"}")).isEqualTo(1.0);
    assertThat(series("alertmanager_notification_requests_total{integration=\"webhook\"}"))
        .isEqualTo(0.0);
  }

  @Test
  void aNotificationWithoutAnIntegrationIdIsDeliveredToNoIntegration() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    start(Map.of());
    Notification old =
        Notification.newBuilder(notification("n-1", "g1", integration(V1, "webhook", 0), 1))
            .setIntegration(new IntegrationRef("webhook", 0, ""))
            .build();

    task.put(List.of(record(old, 0)));

    awaitDeadLetters(1);
    var outcome = awaitOutcome("n-1");
    assertThat(outcome.getOutcome()).isEqualTo(DeliveryResult.DEAD_LETTERED);
    assertThat(outcome.getReason()).contains("names no integration id").contains("\"team-x\"");
    assertThat(transport.sent).isEmpty();
  }

  @Test
  void whenTheIntegrationMovedToAnotherPositionTheNotificationStillReachesIt() throws Exception {
    // Version 2 drops webhook a and adds c after b: b is now first, and second is c.
    String v2 =
        """
        route: {receiver: team-x}
        receivers:
        - name: team-y
          webhook_configs:
          - url: http://hooks.example/y
        - name: team-x
          webhook_configs:
          - url: http://hooks.example/b
          - url: http://hooks.example/c
        """;
    configs.apply("acme", tenantConfig(2, v2));
    start(Map.of());
    Integration b = integration(V1, "webhook", 1);
    assertThat(b.index()).isEqualTo(1);

    task.put(List.of(record(notification("n-1", "g1", b, 1), 0)));

    assertThat(awaitOutcome("n-1").getOutcome()).isEqualTo(DeliveryResult.DELIVERED);
    assertThat(transport.urls()).containsExactly("http://hooks.example/b");
  }

  @Test
  void aNotificationWaitsUntilTheTaskHasItsConfigVersion() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    String v2 =
        """
        route: {receiver: team-x}
        receivers:
        - name: team-x
          webhook_configs:
          - url: http://hooks.example/new
        """;
    start(Map.of(NotificationSinkConfig.CONFIG_WAIT_MS, "20"));

    task.put(List.of(record(notification("n-1", "g1", integration(v2, "webhook", 0), 2), 0)));

    await().atMost(WAIT).until(() -> retriesTotal("webhook") >= 2);
    assertThat(transport.sent).isEmpty();
    assertThat(outcomes.reported).isEmpty();
    configs.apply("acme", tenantConfig(2, v2));
    assertThat(awaitOutcome("n-1").getOutcome()).isEqualTo(DeliveryResult.DELIVERED);
    assertThat(transport.urls()).containsExactly("http://hooks.example/new");
  }

  @Test
  void aRecordOfAnUnknownTypeGoesToTheDlq() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    start(Map.of());
    Notification sms =
        Notification.newBuilder(notification("n-1", "g1", integration(V1, "webhook", 0), 1))
            .setIntegration(new IntegrationRef("sms", 0, "sms-0123"))
            .build();

    task.put(List.of(record(sms, 0)));

    awaitDeadLetters(1);
    var outcome = awaitOutcome("n-1");
    assertThat(outcome.getOutcome()).isEqualTo(DeliveryResult.DEAD_LETTERED);
    assertThat(outcome.getReason())
        .contains("no notifier for integration type \"sms\"")
        .contains("webhook");
    assertThat(outcome.getAttempts()).isZero();
    assertThat(transport.sent).isEmpty();
    assertThat(failedTotal("unknown", "unknown_type")).isEqualTo(1.0);
    // No integration of Alertmanager's: none of its or Mimir's series count it.
    assertThat(worker.scrape()).doesNotContain("sms").doesNotContain("user=\"acme\"");
    assertThat(task.preCommit(Map.of(WEBHOOKS, new OffsetAndMetadata(1))))
        .containsEntry(WEBHOOKS, new OffsetAndMetadata(1));
  }

  @Test
  void anUnreadableRecordGoesToTheDlqWithoutAnOutcome() throws Exception {
    start(Map.of());

    task.put(List.of(new SinkRecord(WEBHOOK_TOPIC, 0, null, "acme", null, new byte[] {1, 2}, 0)));

    awaitDeadLetters(1);
    assertThat(dlq.errors.get(0).getMessage()).startsWith("unreadable notification");
    assertThat(outcomes.reported).isEmpty();
    assertThat(task.preCommit(Map.of(WEBHOOKS, new OffsetAndMetadata(1))))
        .containsEntry(WEBHOOKS, new OffsetAndMetadata(1));
  }

  @Test
  void overItsRateLimitForATypeATenantsNotificationGoesToTheDlq() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    // One webhook notification per second, no limit for Slack; the fake clock does not move.
    start(Map.of("integration.webhook." + NotificationSinkConfig.RATE_LIMIT, "1"));

    task.put(
        List.of(
            record(notification("n-1", "g1", integration(V1, "webhook", 0), 1), 0),
            record(notification("n-2", "g2", integration(V1, "webhook", 0), 1), 1),
            record(notification("s-1", "g1", integration(V1, "slack", 0), 1), 0),
            record(notification("s-2", "g2", integration(V1, "slack", 0), 1), 1)));

    awaitDeadLetters(1);
    await().atMost(WAIT).until(() -> outcomes.reported.size() == 4);
    assertThat(outcomes.reported)
        .filteredOn(o -> o.getIntegrationType().equals("webhook"))
        .extracting(o -> o.getOutcome())
        .containsExactlyInAnyOrder(DeliveryResult.DELIVERED, DeliveryResult.DEAD_LETTERED);
    assertThat(outcomes.reported)
        .filteredOn(o -> o.getOutcome() == DeliveryResult.DEAD_LETTERED)
        .singleElement()
        .satisfies(
            o -> assertThat(o.getReason()).isEqualTo("tenant is over its notification rate limit"));
    assertThat(outcomes.reported)
        .filteredOn(o -> o.getIntegrationType().equals("slack"))
        .extracting(o -> o.getOutcome())
        .containsOnly(DeliveryResult.DELIVERED);
    assertThat(failedTotal("webhook", "rate_limited")).isEqualTo(1.0);
    assertThat(sentTotal("slack")).isEqualTo(2.0);
    // As in Mimir, where the limit sits in the integration: a request that failed, reason other.
    assertThat(series(ACME_WEBHOOK.formatted("notification_rate_limited_total"))).isEqualTo(1.0);
    assertThat(series(ACME_WEBHOOK.formatted("notifications_total"))).isEqualTo(2.0);
    assertThat(series(ACME_WEBHOOK.formatted("notifications_failed_total"))).isEqualTo(1.0);
    assertThat(series(ACME_WEBHOOK.formatted("notification_requests_total"))).isEqualTo(2.0);
    assertThat(series(ACME_WEBHOOK.formatted("notification_requests_failed_total"))).isEqualTo(1.0);
    assertThat(failedSeries("webhook"))
        .containsEntry("other", 1.0)
        .containsEntry("rateLimited", 0.0);
    assertThat(series("alertmanager_notification_latency_seconds_count{integration=\"webhook\"}"))
        .isEqualTo(1.0);
    assertThat(series("alertmanager_notifications_total{integration=\"slack\"}")).isEqualTo(2.0);
    assertThat(failedSeries("slack")).allSatisfy((reason, value) -> assertThat(value).isZero());
    assertThat(
            series(
                "cortex_alertmanager_notification_rate_limited_total{integration=\"slack\",user=\"acme\"}"))
        .isEqualTo(0.0);
    assertThat(transport.threads)
        .anyMatch(t -> t.startsWith("alertstream-slack-delivery-"))
        .anyMatch(t -> t.startsWith("alertstream-webhook-delivery-"));
  }

  @Test
  void readingPausesWhileTooManyNotificationsWaitAndResumesOnceTheyAreDone() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    transport.holding = true;
    start(Map.of(NotificationSinkConfig.MAX_PENDING, "2"));
    task.put(List.of(record(notification("s-1", "g1", integration(V1, "slack", 0), 1), 0)));

    task.put(List.of(record(notification("n-1", "g1", integration(V1, "webhook", 0), 1), 0)));
    assertThat(context.pauses).isEmpty();
    task.put(List.of(record(notification("n-2", "g2", integration(V1, "webhook", 0), 1), 1)));

    // Only the webhooks' partition: Slack notifications are still read.
    assertThat(context.pauses).containsExactly("pause");
    assertThat(context.paused).containsExactly(WEBHOOKS);
    transport.release.countDown();
    await()
        .atMost(WAIT)
        .pollInSameThread()
        .until(
            () -> {
              task.preCommit(Map.of(WEBHOOKS, new OffsetAndMetadata(2)));
              return context.pauses.size() == 2;
            });
    assertThat(context.pauses).containsExactly("pause", "resume");
    assertThat(context.paused).isEmpty();
  }

  @Test
  void preCommitNeverGoesPastAnUnfinishedNotification() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    transport.holdOnly = "n-5";
    transport.holding = true;
    start(Map.of());

    task.put(
        List.of(
            record(notification("n-5", "g1", integration(V1, "webhook", 0), 1), 5),
            record(notification("n-6", "g2", integration(V1, "webhook", 0), 1), 6)));

    awaitOutcome("n-6");
    assertThat(task.preCommit(Map.of(WEBHOOKS, new OffsetAndMetadata(7))))
        .containsEntry(WEBHOOKS, new OffsetAndMetadata(5));
    assertThat(outcomes.durable).extracting(o -> o.getNotificationId()).containsExactly("n-6");
    transport.release.countDown();
    awaitCommittable(WEBHOOKS, 7);
    assertThat(outcomes.durable)
        .extracting(o -> o.getNotificationId())
        .containsExactlyInAnyOrder("n-5", "n-6");
  }

  @Test
  void noOffsetIsCommittedWhileAnOutcomeCannotBeWritten() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    start(Map.of());
    task.put(List.of(record(notification("n-1", "g1", integration(V1, "webhook", 0), 1), 0)));
    awaitOutcome("n-1");

    outcomes.failing = true;
    assertThat(task.preCommit(Map.of(WEBHOOKS, new OffsetAndMetadata(1)))).isEmpty();

    outcomes.failing = false;
    awaitCommittable(WEBHOOKS, 1);
    assertThat(outcomes.durable).extracting(o -> o.getNotificationId()).containsExactly("n-1");
  }

  @Test
  void aTenantInDryRunGetsItsRequestRecordedAndNothingSent() throws Exception {
    TenantConfig dryRun = tenantConfig(1, V1);
    dryRun.setDryRun(true);
    configs.apply("acme", dryRun);
    start(Map.of());

    task.put(List.of(record(notification("n-1", "g1", integration(V1, "webhook", 0), 1), 0)));

    var outcome = awaitOutcome("n-1");
    assertThat(outcome.getOutcome()).isEqualTo(DeliveryResult.DRY_RUN);
    assertThat(outcome.getReason()).isEqualTo("dry run: the tenant's alertstream.dry_run setting");
    assertThat(dryRuns).hasSize(1);
    assertThat(((Outbound.HttpCall) dryRuns.get(0)).url().toString())
        .isEqualTo("http://hooks.example/a");
    assertThat(transport.sent).isEmpty();
    // Nothing reached an endpoint: no notification in Alertmanager's or Mimir's counts.
    assertThat(series("alertmanager_notifications_total{integration=\"webhook\"}")).isEqualTo(0.0);
    assertThat(series("alertmanager_notification_requests_total{integration=\"webhook\"}"))
        .isEqualTo(0.0);
    assertThat(worker.scrape()).doesNotContain("user=\"acme\"");
  }

  @Test
  void theConnectorsDryRunForOneTypeLeavesTheOtherTypesSent() throws Exception {
    configs.apply("acme", tenantConfig(1, V1));
    start(Map.of("integration.slack." + NotificationSinkConfig.DRY_RUN, "true"));

    task.put(
        List.of(
            record(notification("w-1", "g1", integration(V1, "webhook", 0), 1), 0),
            record(notification("s-1", "g1", integration(V1, "slack", 0), 1), 0)));

    var slack = awaitOutcome("s-1");
    assertThat(slack.getOutcome()).isEqualTo(DeliveryResult.DRY_RUN);
    assertThat(slack.getReason()).isEqualTo("dry run: the slack connector's dry.run setting");
    assertThat(awaitOutcome("w-1").getOutcome()).isEqualTo(DeliveryResult.DELIVERED);
    assertThat(transport.urls()).containsExactly("http://hooks.example/a");
    assertThat(dryRuns).hasSize(1);
  }

  // --- helpers -----------------------------------------------------------------------------

  private void start(Map<String, String> settings) {
    Map<String, String> props = new HashMap<>();
    props.put(NotificationSinkConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid");
    props.put(NotificationSinkConfig.CONFIGS_BOOTSTRAP_SERVERS, "kafka.invalid:9092");
    props.put("topics", WEBHOOK_TOPIC + "," + SLACK_TOPIC);
    props.putAll(settings);
    task = new NotificationSinkTask(environment, worker);
    task.initialize(context);
    task.start(props);
  }

  private static Integration integration(String yaml, String type, int index) throws Exception {
    return new ConfigParser()
        .parse(yaml).receiver("team-x").orElseThrow().integrations().stream()
            .filter(i -> i.type().equals(type) && i.index() == index)
            .findFirst()
            .orElseThrow();
  }

  private static Notification notification(
      String id, String group, Integration integration, long configVersion) {
    return Notification.newBuilder(TestNotifications.diskFull(integration.type()))
        .setId(id)
        .setGroupKey(group)
        .setConfigVersion(configVersion)
        .setIntegration(
            new IntegrationRef(integration.type(), integration.index(), integration.id()))
        .build();
  }

  private SinkRecord record(Notification n, long offset) {
    String topic = n.getIntegration().getType().equals("slack") ? SLACK_TOPIC : WEBHOOK_TOPIC;
    return new SinkRecord(
        topic, 0, null, n.getTenant(), null, serializer.serialize(topic, n), offset);
  }

  private static TenantConfig tenantConfig(long version, String yaml) {
    return TenantConfig.newBuilder()
        .setTenant("acme")
        .setVersion(version)
        .setAlertmanagerConfig(yaml)
        .setUpdatedAt(Instant.EPOCH)
        .build();
  }

  private DeliveryOutcome awaitOutcome(String notificationId) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                outcomes.reported.stream()
                    .filter(o -> o.getNotificationId().equals(notificationId))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /**
   * Commits until the offset is committable (a notification counts as finished just after its
   * outcome is reported).
   */
  private void awaitCommittable(TopicPartition partition, long offset) {
    await()
        .atMost(WAIT)
        .pollInSameThread()
        .until(
            () -> task.preCommit(Map.of(partition, new OffsetAndMetadata(offset))).get(partition),
            committed -> committed != null && committed.offset() == offset);
  }

  /** Dead letters are written on the task's thread: commit until they are there. */
  private void awaitDeadLetters(int count) {
    await()
        .atMost(WAIT)
        .pollInSameThread()
        .until(
            () -> {
              task.preCommit(Map.of());
              return dlq.records.size() >= count;
            });
  }

  /** A Mimir series of tenant acme's webhooks; the name's part after cortex_alertmanager_. */
  private static final String ACME_WEBHOOK =
      "cortex_alertmanager_%s{integration=\"webhook\",user=\"acme\"}";

  /** The value of one series of the worker's scrape, null when it has none. */
  private Double series(String series) {
    for (String line : worker.scrape().lines().toList()) {
      if (line.startsWith(series + " ")) {
        return Double.valueOf(line.substring(series.length() + 1));
      }
    }
    return null;
  }

  /** Alertmanager's failed notifications of the integration, by reason. */
  private Map<String, Double> failedSeries(String integration) {
    Map<String, Double> byReason = new HashMap<>();
    for (WorkerMetrics.Reason reason : WorkerMetrics.Reason.values()) {
      byReason.put(
          reason.label(),
          series(
              "alertmanager_notifications_failed_total{integration=\""
                  + integration
                  + "\",reason=\""
                  + reason.label()
                  + "\"}"));
    }
    return byReason;
  }

  private double sentTotal(String integration) {
    return metric("notifications-sent-total", integration, null);
  }

  private double retriesTotal(String integration) {
    return metric("delivery-retries-total", integration, null);
  }

  private double failedTotal(String integration, String reason) {
    return metric("notifications-failed-total", integration, reason);
  }

  private double metric(String name, String integration, String reason) {
    for (Map.Entry<MetricName, ? extends Metric> m : kafkaMetrics.metrics().entrySet()) {
      Map<String, String> tags = m.getKey().tags();
      if (m.getKey().name().equals(name)
          && integration.equals(tags.get("integration"))
          && "acme".equals(tags.get("tenant"))
          && (reason == null || reason.equals(tags.get("reason")))) {
        return (Double) m.getValue().metricValue();
      }
    }
    return 0;
  }

  // --- fakes -------------------------------------------------------------------------------

  /** A clock that moves only when told to. */
  private static final class FakeClock extends Clock {
    private final AtomicLong millis;

    FakeClock(Instant start) {
      this.millis = new AtomicLong(start.toEpochMilli());
    }

    void advance(Duration by) {
      millis.addAndGet(by.toMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  /** Records each request and the thread it was sent on; answers as told. */
  private final class FakeTransport implements Transport {
    final List<Outbound> sent = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    volatile Function<Outbound, AttemptResult> answer = r -> new AttemptResult.Delivered(200);

    /** Holds requests (those of {@link #holdOnly} if set) until {@link #release}. */
    volatile boolean holding;

    volatile String holdOnly;

    @Override
    public AttemptResult send(Outbound request) {
      sent.add(request);
      threads.add(Thread.currentThread().getName());
      String id = ((Outbound.HttpCall) request).headers().get("Idempotency-Key");
      if (holding && (holdOnly == null || holdOnly.equals(id))) {
        try {
          release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new AttemptResult.Retry("interrupted", Optional.empty());
        }
      }
      return answer.apply(request);
    }

    List<String> urls() {
      return sent.stream().map(r -> ((Outbound.HttpCall) r).url().toString()).toList();
    }
  }

  /** Outcomes reported, and those a flush made durable. */
  private final class FakeOutcomes implements OutcomeSink {
    final List<DeliveryOutcome> reported = new CopyOnWriteArrayList<>();
    final List<DeliveryOutcome> durable = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public void report(DeliveryOutcome outcome) {
      reported.add(outcome);
      events.add("outcome " + outcome.getOutcome() + " " + outcome.getNotificationId());
    }

    @Override
    public synchronized boolean flush() {
      if (failing) {
        return false;
      }
      durable.clear();
      durable.addAll(reported);
      return true;
    }
  }

  /** Connect's errant record reporter: keeps the records and their errors. */
  private final class FakeDeadLetterQueue implements ErrantRecordReporter {
    final List<SinkRecord> records = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    public Future<Void> report(SinkRecord record, Throwable error) {
      records.add(record);
      errors.add(error);
      events.add("dlq " + record.kafkaOffset());
      return CompletableFuture.completedFuture(null);
    }
  }

  private final class FakeContext implements SinkTaskContext {
    final Set<TopicPartition> assignment = Set.of(WEBHOOKS, SLACKS);
    final Set<TopicPartition> paused = new HashSet<>();
    final List<String> pauses = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> configs() {
      return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {}

    @Override
    public void offset(TopicPartition tp, long offset) {}

    @Override
    public void timeout(long timeoutMs) {}

    @Override
    public Set<TopicPartition> assignment() {
      return assignment;
    }

    @Override
    public void pause(TopicPartition... partitions) {
      pauses.add("pause");
      paused.addAll(List.of(partitions));
    }

    @Override
    public void resume(TopicPartition... partitions) {
      pauses.add("resume");
      List.of(partitions).forEach(paused::remove);
    }

    @Override
    public void requestCommit() {}

    @Override
    public ErrantRecordReporter errantRecordReporter() {
      return dlq;
    }

    @Override
    public PluginMetrics pluginMetrics() {
      return new PluginMetricsImpl(
          kafkaMetrics, Map.of("connector", "alertstream-notifications", "task", "0"));
    }
  }

  /**
   * Runs what it is given at once, and what is scheduled at once too, recording the delay asked
   * for: backoffs are checked against the fake clock without waiting them out.
   */
  private static final class RecordingExecutor extends ScheduledThreadPoolExecutor {
    final List<Long> delaysMs = new CopyOnWriteArrayList<>();

    RecordingExecutor(int threads, ThreadFactory factory) {
      super(threads, factory);
    }

    @Override
    public void execute(Runnable command) {
      super.schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      delaysMs.add(unit.toMillis(delay));
      return super.schedule(command, 0, unit);
    }
  }

  private final class FakeEnvironment implements SinkEnvironment {
    final List<RecordingExecutor> executors = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public SchemaRegistryClient registry() {
      return registry;
    }

    @Override
    public TenantConfigSource tenantConfigs() {
      return configs;
    }

    @Override
    public Transport transport(String integrationType) {
      return transport;
    }

    @Override
    public OutcomeSink outcomes() {
      return outcomes;
    }

    @Override
    public DryRunSink dryRun() {
      return (n, request) -> dryRuns.add(request);
    }

    @Override
    public ScheduledExecutorService executor(int threads, ThreadFactory threadFactory) {
      RecordingExecutor executor = new RecordingExecutor(threads, threadFactory);
      executors.add(executor);
      return executor;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
