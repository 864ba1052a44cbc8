package io.alertstream.connectors.sink;

import io.alertstream.connectors.ConnectorVersion;
import io.alertstream.connectors.delivery.DeliveryOutcome;
import io.alertstream.connectors.delivery.EgressGuard;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.delivery.SmtpSender;
import io.alertstream.connectors.sink.DeliveryMetrics.FailureReason;
import io.alertstream.connectors.tenantconfig.TenantConfigCache;
import io.alertstream.connectors.tenantconfig.TenantConfigReader;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications of one integration type. Records are handed to {@link DeliveryLanes}, one
 * lane per group and destination, so a group that fails is retried on its own while the others go
 * on; offsets are committed only up to the oldest unfinished notification. A notification that can
 * never be delivered, or has been retried for longer than the retry timeout, goes to the DLQ
 * through the errant record reporter with its reason.
 */
public abstract class NotificationSinkTask extends SinkTask {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSinkTask.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** One notification on its way. Attempt counters are touched by its lane only. */
  private static final class Job {
    final SinkRecord record;
    final TopicPartition partition;
    final Notification notification;
    int attempts;
    long firstAttemptMs;

    Job(SinkRecord record, Notification notification) {
      this.record = record;
      this.partition = new TopicPartition(record.topic(), record.kafkaPartition());
      this.notification = notification;
    }
  }

  private record DeadLetter(Job job, String reason) {}

  private NotificationSinkConfig config;
  private IntegrationRequests requests;
  private TenantConfigReader reader;
  private TenantConfigCache tenantConfigs;
  private AvroDeserializer<Notification> notifications;
  private JdkHttpSender http;
  private SmtpSender smtp;
  private EgressGuard egress;
  private RateLimiter rateLimiter;
  private boolean connectorDryRun;
  private Map<String, Object> dryRunClients;
  private DryRunRecorder dryRun; // opened when a first request is recorded
  private OutcomeReporter outcomes;
  private DeliveryMetrics metrics;
  private ScheduledExecutorService executor;
  private DeliveryLanes<Job> lanes;
  private final OffsetTracker offsets = new OffsetTracker();
  private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();
  private final Clock clock = Clock.systemUTC();
  private boolean paused;

  /** The integration this task delivers to. */
  protected abstract IntegrationRequests requests();

  @Override
  public String version() {
    return ConnectorVersion.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    config = new NotificationSinkConfig(props);
    requests = requests();
    SchemaRegistryClient registry =
        new RestSchemaRegistryClient(
            config.getString(NotificationSinkConfig.SCHEMA_REGISTRY_URL),
            config.registryUserInfo());
    notifications = new AvroDeserializer<>(Notification.class, registry);
    tenantConfigs = new TenantConfigCache(config.renderLimits());
    Map<String, Object> kafka = config.kafkaClients();
    reader =
        new TenantConfigReader(
            kafka,
            config.getString(NotificationSinkConfig.CONFIGS_TOPIC),
            new AvroDeserializer<>(TenantConfig.class, registry),
            tenantConfigs);
    try {
      reader.start(Duration.ofSeconds(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("interrupted while reading tenant configs", e);
    }
    http = new JdkHttpSender(config.requestTimeout(), clock);
    smtp = new SmtpSender(config.requestTimeout());
    egress = new EgressGuard(config.getBoolean(NotificationSinkConfig.BLOCK_PRIVATE));
    rateLimiter =
        new RateLimiter(
            config.getDouble(NotificationSinkConfig.RATE_LIMIT),
            config.rateOverrides(),
            config.getInt(NotificationSinkConfig.RATE_LIMIT_BURST),
            System::nanoTime);
    // Dry run: for every tenant when the connector says so, else for tenants whose config says so
    // (the config API's alertstream.dry_run); their requests are recorded, not sent.
    connectorDryRun = config.getBoolean(NotificationSinkConfig.DRY_RUN);
    dryRunClients = kafka;
    if (connectorDryRun) {
      LOG.info("{} sink in dry-run mode: requests are recorded, not sent", requests.type());
    }
    String outcomesTopic = config.getString(NotificationSinkConfig.OUTCOMES_TOPIC);
    if (!outcomesTopic.isEmpty()) {
      outcomes = new OutcomeReporter(kafka, outcomesTopic);
    }
    metrics = new DeliveryMetrics(context.pluginMetrics(), requests.type());
    executor =
        Executors.newScheduledThreadPool(
            config.getInt(NotificationSinkConfig.THREADS),
            r -> {
              Thread t =
                  new Thread(
                      r,
                      "alertstream-" + requests.type() + "-delivery-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    lanes =
        new DeliveryLanes<>(
            executor,
            config.getInt(NotificationSinkConfig.DESTINATION_CONCURRENCY),
            config.getInt(NotificationSinkConfig.TENANT_CONCURRENCY),
            this::attempt);
    owned.addAll(context.assignment());
  }

  @Override
  public void open(Collection<TopicPartition> partitions) {
    owned.addAll(partitions);
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    owned.removeAll(partitions);
    lanes.drop(job -> partitions.contains(job.partition));
    offsets.forget(partitions);
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    reportDeadLetters();
    for (SinkRecord record : records) {
      TopicPartition partition = new TopicPartition(record.topic(), record.kafkaPartition());
      owned.add(partition);
      offsets.started(partition, record.kafkaOffset());
      Notification n;
      try {
        n = decode(record);
      } catch (RuntimeException e) {
        Job job = new Job(record, null);
        metrics.failed(tenantOf(record), FailureReason.UNREADABLE);
        deadLetters.add(new DeadLetter(job, "unreadable notification: " + e.getMessage()));
        continue;
      }
      if (n == null) {
        offsets.finished(partition, record.kafkaOffset());
        continue;
      }
      lanes.submit(n.getTenant(), destination(n), n.getGroupKey(), new Job(record, n));
    }
    reportDeadLetters();
    applyBackpressure();
  }

  private Notification decode(SinkRecord record) {
    if (!(record.value() instanceof byte[] bytes)) {
      throw new IllegalArgumentException(
          "record value is not bytes; set value.converter to ByteArrayConverter");
    }
    return notifications.deserialize(record.topic(), bytes);
  }

  private static String tenantOf(SinkRecord record) {
    return record.key() == null ? "" : record.key().toString();
  }

  private static String destination(Notification n) {
    return n.getTenant() + '\u0000' + n.getReceiver() + '\u0000' + n.getIntegration().getIndex();
  }

  private void applyBackpressure() {
    int max = config.getInt(NotificationSinkConfig.MAX_PENDING);
    int pending = lanes.pending();
    if (!paused && pending >= max) {
      context.pause(context.assignment().toArray(TopicPartition[]::new));
      paused = true;
      LOG.warn("{} notifications waiting for delivery; reading paused", pending);
    } else if (paused && pending < max / 2) {
      context.resume(context.assignment().toArray(TopicPartition[]::new));
      paused = false;
      LOG.info("reading resumed");
    }
  }

  /** One attempt, on a delivery thread: empty when the job is finished, else when to retry. */
  private Optional<Duration> attempt(Job job) {
    if (!owned.contains(job.partition)) {
      return Optional.empty();
    }
    Notification n = job.notification;
    long now = clock.millis();
    if (job.attempts++ == 0) {
      job.firstAttemptMs = now;
      if (!rateLimiter.tryAcquire(n.getTenant())) {
        return fail(job, FailureReason.RATE_LIMITED, "tenant is over its notification rate limit");
      }
    }
    Optional<TenantConfigCache.Entry> tenantConfig;
    try {
      tenantConfig =
          tenantConfigs.awaitVersion(n.getTenant(), n.getConfigVersion(), config.configWait());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    if (tenantConfig.isEmpty()) {
      return retry(
          job,
          new DeliveryOutcome.Retry(
              "tenant " + n.getTenant() + " has no config", Optional.empty()));
    }
    IntegrationRequests.Prepared prepared;
    try {
      prepared = requests.prepare(n, tenantConfig.get().config(), tenantConfig.get().templates());
    } catch (IntegrationRequests.Refusal e) {
      return fail(job, FailureReason.CONFIG, e.getMessage());
    }
    if (!prepared.renderProblems().isEmpty()) {
      LOG.warn(
          "tenant {}: notification {} to {} sent with default text for: {}",
          n.getTenant(),
          n.getId(),
          n.getReceiver(),
          String.join("; ", prepared.renderProblems()));
    }
    Optional<String> dryRunReason =
        DryRunRecorder.reason(connectorDryRun, tenantConfig.get().settings(), requests.type());
    if (dryRunReason.isPresent()) {
      try {
        dryRunRecorder().record(n, prepared.request());
      } catch (Exception e) {
        return retry(
            job, new DeliveryOutcome.Retry("dry-run record not written", Optional.empty()));
      }
      return delivered(job, "dry-run", dryRunReason.get(), prepared.renderProblems());
    }
    Optional<String> blocked = egress.refuse(prepared.request().host());
    if (blocked.isPresent()) {
      return fail(job, FailureReason.EGRESS_BLOCKED, blocked.get());
    }
    DeliveryOutcome outcome = send(prepared.request());
    if (outcome instanceof DeliveryOutcome.Delivered) {
      return delivered(job, "delivered", prepared.renderProblems());
    }
    if (outcome instanceof DeliveryOutcome.Failed failed) {
      return fail(job, FailureReason.REJECTED, failed.reason());
    }
    return retry(job, (DeliveryOutcome.Retry) outcome);
  }

  private synchronized DryRunRecorder dryRunRecorder() {
    if (dryRun == null) {
      dryRun =
          new DryRunRecorder(dryRunClients, config.getString(NotificationSinkConfig.DRY_RUN_TOPIC));
    }
    return dryRun;
  }

  private DeliveryOutcome send(Outbound request) {
    if (request instanceof Outbound.HttpPost post) {
      return http.post(post);
    }
    return smtp.send((Outbound.Mail) request);
  }

  /**
   * @param renderProblems settings whose template failed and were sent with their default, kept
   *     with the outcome as Alertmanager keeps a template error with the notification
   */
  private Optional<Duration> delivered(Job job, String outcome, List<String> renderProblems) {
    return delivered(job, outcome, "", renderProblems);
  }

  /**
   * @param note why the outcome is what it is (dry run), reported before any render problems
   */
  private Optional<Duration> delivered(
      Job job, String outcome, String note, List<String> renderProblems) {
    Notification n = job.notification;
    metrics.sent(n.getTenant(), Math.max(0, clock.millis() - n.getCreatedAt().toEpochMilli()));
    String rendering =
        renderProblems.isEmpty()
            ? ""
            : "sent with default text for: " + String.join("; ", renderProblems);
    report(
        job,
        outcome,
        note.isEmpty() || rendering.isEmpty() ? note + rendering : note + "; " + rendering);
    LOG.debug(
        "tenant {}: notification {} delivered to {}", n.getTenant(), n.getId(), n.getReceiver());
    offsets.finished(job.partition, job.record.kafkaOffset());
    return Optional.empty();
  }

  private Optional<Duration> retry(Job job, DeliveryOutcome.Retry retry) {
    Duration wait = config.backoff().after(job.attempts, retry.retryAfter());
    long elapsed = clock.millis() - job.firstAttemptMs;
    if (elapsed + wait.toMillis() > config.retryTimeout().toMillis()) {
      return fail(
          job,
          FailureReason.RETRIES_EXHAUSTED,
          "gave up after "
              + job.attempts
              + " attempts in "
              + elapsed / 1000
              + " s: "
              + retry.reason());
    }
    metrics.retried(job.notification.getTenant());
    return Optional.of(wait);
  }

  private Optional<Duration> fail(Job job, FailureReason why, String reason) {
    metrics.failed(job.notification.getTenant(), why);
    report(job, "failed", reason);
    deadLetters.add(new DeadLetter(job, reason));
    return Optional.empty();
  }

  private void report(Job job, String outcome, String reason) {
    if (outcomes != null) {
      outcomes.report(job.notification, outcome, reason, job.attempts, clock.millis());
    }
  }

  /** Hands dead letters to Connect's reporter, on the task thread, and waits until written. */
  private void reportDeadLetters() {
    DeadLetter dead;
    while ((dead = deadLetters.poll()) != null) {
      SinkRecord record = dead.job().record;
      LOG.warn(
          "notification at {}-{}@{} goes to the dead letter queue: {}",
          record.topic(),
          record.kafkaPartition(),
          record.kafkaOffset(),
          dead.reason());
      ErrantRecordReporter reporter = context.errantRecordReporter();
      if (reporter == null) {
        throw new ConnectException(
            "undeliverable notification and no dead letter queue configured (errors.tolerance=all,"
                + " errors.deadletterqueue.topic.name): "
                + dead.reason());
      }
      try {
        reporter
            .report(record, new UndeliverableNotificationException(dead.reason()))
            .get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        deadLetters.add(dead);
        return;
      } catch (Exception e) {
        throw new ConnectException("could not write to the dead letter queue", e);
      }
      offsets.finished(dead.job().partition, record.kafkaOffset());
    }
  }

  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(
      Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    reportDeadLetters();
    applyBackpressure();
    return offsets.safe(currentOffsets);
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (dryRun != null) {
        dryRun.close();
      }
    }
    if (outcomes != null) {
      outcomes.close();
    }
    if (metrics != null) {
      metrics.close();
    }
    if (reader != null) {
      try {
        reader.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
