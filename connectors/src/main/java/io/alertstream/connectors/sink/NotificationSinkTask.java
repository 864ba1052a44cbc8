package io.alertstream.connectors.sink;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Integration;
import io.alertstream.config.tenant.LimitsOverridesFile;
import io.alertstream.config.tenant.RuntimeLimits;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.config.tenant.TenantLimitsSource;
import io.alertstream.connectors.ConnectorVersion;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.EgressGuard;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.delivery.Transport;
import io.alertstream.connectors.metrics.WorkerMetrics;
import io.alertstream.connectors.notify.ExactIntegration;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.notify.Notifiers;
import io.alertstream.connectors.sink.DeliveryMetrics.FailureReason;
import io.alertstream.connectors.tenantconfig.TenantConfigCache;
import io.alertstream.schemas.DeliveryOutcomes;
import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.serde.AvroDeserializer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * Delivers notifications of every integration type, read from any set of notification topics. Each
 * record goes by its integration type to that type's {@link Notifier} ({@link Notifiers}), which
 * builds the request for exactly the integration the notification names (by id, in the tenant's
 * config at the notification's version or later); the type's {@link Transport} sends it. Each type
 * has its own settings ({@link NotificationSinkConfig#forType}), delivery threads and {@link
 * DeliveryLanes}, one lane per group and destination, so a group that fails is retried on its own
 * while the others go on; offsets are committed only up to the oldest unfinished notification, and
 * only once the outcomes of the finished ones are written. A notification that can never be
 * delivered, or has been retried for longer than the retry timeout, goes to the DLQ through the
 * errant record reporter with its reason. What becomes of each notification is counted in the
 * task's plugin metrics ({@link DeliveryMetrics}) and in the worker's metrics under Alertmanager's
 * and Mimir's names ({@link WorkerMetrics}), where a notification recorded in dry run does not
 * count.
 */
public final class NotificationSinkTask extends SinkTask {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSinkTask.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** One notification on its way. Attempt counters are touched by its lane only. */
  private static final class Job {
    final SinkRecord record;
    final TopicPartition partition;
    final Notification notification; // null when the record cannot be read
    final TypeDelivery delivery; // null when no notifier handles the type
    int attempts;
    long firstAttemptMs = -1;

    /** Counted in the worker's notifications: at its first request or its failure. */
    boolean counted;

    /** What the last request that failed says, as Alertmanager names it; null before one. */
    WorkerMetrics.Reason lastRequestFailure;

    Job(SinkRecord record, Notification notification, TypeDelivery delivery) {
      this.record = record;
      this.partition = new TopicPartition(record.topic(), record.kafkaPartition());
      this.notification = notification;
      this.delivery = delivery;
    }
  }

  private record DeadLetter(Job job, String reason) {}

  /** One integration type's notifier, settings, guards and lanes; made at its first record. */
  private final class TypeDelivery {
    final String type;
    final Notifier<?> notifier;
    final NotificationSinkConfig settings;
    final Transport transport;
    final EgressGuard egress;
    final RateLimiter rateLimiter;
    final boolean dryRun;
    final ScheduledExecutorService executor;
    final DeliveryLanes<Job> lanes;

    /** The partitions this type's notifications come from: what its backpressure pauses. */
    final Set<TopicPartition> partitions = ConcurrentHashMap.newKeySet();

    boolean paused; // touched on the task thread only

    TypeDelivery(String type, Notifier<?> notifier) {
      this.type = type;
      this.notifier = notifier;
      this.settings = config.forType(type);
      this.transport = env.transport(type);
      this.egress =
          new EgressGuard(settings.getBoolean(NotificationSinkConfig.BLOCK_PRIVATE), tenantLimits);
      this.rateLimiter =
          new RateLimiter(
              settings.getDouble(NotificationSinkConfig.RATE_LIMIT),
              settings.rateOverrides(),
              settings.getInt(NotificationSinkConfig.RATE_LIMIT_BURST),
              NotificationSinkTask.this::nanos);
      // Dry run: for every tenant when the connector says so for this type, else for tenants
      // whose config says so (the config API's alertstream.dry_run); their requests are
      // recorded, not sent.
      this.dryRun = settings.getBoolean(NotificationSinkConfig.DRY_RUN);
      if (dryRun) {
        LOG.info("{} notifications in dry-run mode: requests are recorded, not sent", type);
      }
      this.executor =
          env.executor(
              settings.getInt(NotificationSinkConfig.THREADS),
              r -> {
                Thread t =
                    new Thread(r, "alertstream-" + type + "-delivery-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      this.lanes =
          new DeliveryLanes<>(
              executor,
              settings.getInt(NotificationSinkConfig.DESTINATION_CONCURRENCY),
              settings.getInt(NotificationSinkConfig.TENANT_CONCURRENCY),
              NotificationSinkTask.this::attempt);
    }
  }

  private final Notifiers notifiers;
  private SinkEnvironment env;
  private NotificationSinkConfig config;

  /** Each tenant's limits (its receiver firewall): from the overrides file, if there is one. */
  private TenantLimitsSource tenantLimits = TenantLimitsSource.fixed(TenantLimits.NONE);

  private LimitsOverridesFile overridesFile;
  private Clock clock;
  private AvroDeserializer<Notification> notifications;
  private DeliveryMetrics metrics;
  private final WorkerMetrics worker;
  private final Map<String, TypeDelivery> deliveries = new ConcurrentHashMap<>();
  private final OffsetTracker offsets = new OffsetTracker();
  private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();

  /** For Connect: the environment is built from the settings in {@link #start}. */
  public NotificationSinkTask() {
    this(null);
  }

  /**
   * @param environment what the task works with; null to build it from the settings
   */
  NotificationSinkTask(SinkEnvironment environment) {
    this(environment, WorkerMetrics.shared());
  }

  /**
   * @param worker the metrics of the worker (in production {@link WorkerMetrics#shared()})
   */
  NotificationSinkTask(SinkEnvironment environment, WorkerMetrics worker) {
    this.env = environment;
    this.notifiers = Notifiers.ALL;
    this.worker = worker;
  }

  @Override
  public String version() {
    return ConnectorVersion.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    config = new NotificationSinkConfig(props);
    config.checkTypeSettings(notifiers.types());
    if (env == null) {
      env = KafkaSinkEnvironment.open(config);
    }
    clock = env.clock();
    String overrides = config.getString(NotificationSinkConfig.LIMITS_OVERRIDES_FILE);
    if (!overrides.isEmpty()) {
      RuntimeLimits limits = new RuntimeLimits(TenantLimits.NONE);
      try {
        overridesFile =
            LimitsOverridesFile.watch(
                Path.of(overrides), limits, LimitsOverridesFile.RELOAD_PERIOD);
      } catch (IOException | InvalidConfigException e) {
        throw new ConnectException(
            NotificationSinkConfig.LIMITS_OVERRIDES_FILE + ": " + overrides + ": " + e.getMessage(),
            e);
      }
      tenantLimits = limits;
    }
    notifications = new AvroDeserializer<>(Notification.class, env.registry());
    metrics = new DeliveryMetrics(context.pluginMetrics());
    owned.addAll(context.assignment());
  }

  @Override
  public void open(Collection<TopicPartition> partitions) {
    owned.addAll(partitions);
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    owned.removeAll(partitions);
    for (TypeDelivery d : deliveries.values()) {
      d.lanes.drop(job -> partitions.contains(job.partition));
    }
    offsets.forget(partitions);
    for (TypeDelivery d : deliveries.values()) {
      d.partitions.removeAll(partitions);
    }
    deadLetters.removeIf(dead -> partitions.contains(dead.job().partition));
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
        metrics.failed(DeliveryMetrics.UNKNOWN_TYPE, tenantOf(record), FailureReason.UNREADABLE);
        deadLetters.add(
            new DeadLetter(
                new Job(record, null, null), "unreadable notification: " + e.getMessage()));
        continue;
      }
      if (n == null) {
        offsets.finished(partition, record.kafkaOffset());
        continue;
      }
      String type = n.getIntegration().getType();
      Optional<Notifier<?>> notifier = notifiers.forType(type);
      if (notifier.isEmpty()) {
        Job job = new Job(record, n, null);
        job.firstAttemptMs = clock.millis();
        metrics.failed(DeliveryMetrics.UNKNOWN_TYPE, n.getTenant(), FailureReason.UNKNOWN_TYPE);
        deadLetters.add(
            new DeadLetter(
                job,
                "no notifier for integration type \""
                    + type
                    + "\" (known: "
                    + String.join(", ", notifiers.types())
                    + ")"));
        continue;
      }
      TypeDelivery delivery =
          deliveries.computeIfAbsent(type, t -> new TypeDelivery(t, notifier.get()));
      delivery.partitions.add(partition);
      delivery.lanes.submit(
          n.getTenant(), destination(n), n.getGroupKey(), new Job(record, n, delivery));
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

  /** The exact integration of the tenant's receiver (by position for a record without an id). */
  private static String destination(Notification n) {
    String id = n.getIntegration().getId();
    return n.getTenant()
        + '\u0000'
        + n.getReceiver()
        + '\u0000'
        + (id.isEmpty() ? "#" + n.getIntegration().getIndex() : id);
  }

  private long nanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /**
   * Per integration type: once {@code delivery.max.pending} of its notifications wait, reading
   * pauses on the partitions they come from (one type's outage does not stop the others of the same
   * connector), and resumes below half of it.
   */
  private void applyBackpressure() {
    int max = config.getInt(NotificationSinkConfig.MAX_PENDING);
    for (TypeDelivery d : deliveries.values()) {
      int pending = d.lanes.pending();
      if (!d.paused && pending >= max) {
        d.paused = true;
        context.pause(assigned(d.partitions));
        LOG.warn("{} {} notifications waiting for delivery; reading them paused", pending, d.type);
      } else if (d.paused && pending < max / 2) {
        d.paused = false;
        Set<TopicPartition> resumed = new HashSet<>(d.partitions);
        for (TypeDelivery other : deliveries.values()) {
          if (other.paused) {
            resumed.removeAll(other.partitions); // a topic that mixes types waits for both
          }
        }
        context.resume(assigned(resumed));
        LOG.info("reading {} notifications resumed", d.type);
      }
    }
  }

  private TopicPartition[] assigned(Set<TopicPartition> partitions) {
    Set<TopicPartition> assignment = context.assignment();
    return partitions.stream().filter(assignment::contains).toArray(TopicPartition[]::new);
  }

  /** One attempt, on a delivery thread: empty when the job is finished, else when to retry. */
  private Optional<Duration> attempt(Job job) {
    if (!owned.contains(job.partition)) {
      return Optional.empty();
    }
    try {
      return attemptOwned(job);
    } catch (RuntimeException e) {
      // Only the exception's class: its message may carry the endpoint's URL.
      LOG.error(
          "tenant {}: notification {} failed unexpectedly: {}",
          job.notification.getTenant(),
          job.notification.getId(),
          e.getClass().getName());
      return fail(job, FailureReason.INTERNAL, "unexpected " + e.getClass().getSimpleName());
    }
  }

  private Optional<Duration> attemptOwned(Job job) {
    Notification n = job.notification;
    TypeDelivery d = job.delivery;
    long now = clock.millis();
    if (job.attempts++ == 0) {
      job.firstAttemptMs = now;
      if (!d.rateLimiter.tryAcquire(n.getTenant())) {
        // Mimir's limit sits in the integration: a request that failed before it was made.
        worker.rateLimited(d.type, n.getTenant());
        refusedRequest(job);
        return fail(job, FailureReason.RATE_LIMITED, "tenant is over its notification rate limit");
      }
    }
    Optional<TenantConfigCache.Entry> found;
    try {
      found =
          env.tenantConfigs()
              .awaitVersion(n.getTenant(), n.getConfigVersion(), d.settings.configWait());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    if (found.isEmpty()) {
      return retry(
          job,
          new AttemptResult.Retry("tenant " + n.getTenant() + " has no config", Optional.empty()));
    }
    TenantConfigCache.Entry tenantConfig = found.get();
    if (tenantConfig.version() < n.getConfigVersion()) {
      return retry(
          job,
          new AttemptResult.Retry(
              "config version "
                  + n.getConfigVersion()
                  + " of tenant "
                  + n.getTenant()
                  + " not read yet (the task has version "
                  + tenantConfig.version()
                  + ")",
              Optional.empty()));
    }
    Notifier.Prepared prepared;
    try {
      Integration integration =
          ExactIntegration.find(n, tenantConfig.config(), tenantConfig.version());
      prepared = Notifiers.prepare(d.notifier, n, integration, tenantConfig.templates());
    } catch (Notifier.Refusal e) {
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
        DryRunRecorder.reason(d.dryRun, tenantConfig.settings(), d.type);
    if (dryRunReason.isPresent()) {
      try {
        env.dryRun().record(n, prepared.request());
      } catch (Exception e) {
        return retry(job, new AttemptResult.Retry("dry-run record not written", Optional.empty()));
      }
      return finished(job, DeliveryResult.DRY_RUN, dryRunReason.get(), prepared.renderProblems());
    }
    Optional<String> blocked = d.egress.refuse(n.getTenant(), prepared.request().host());
    if (blocked.isPresent()) {
      // Mimir's firewall refuses the connection inside the integration: a failed request too.
      refusedRequest(job);
      return fail(job, FailureReason.EGRESS_BLOCKED, blocked.get());
    }
    AttemptResult outcome = send(job, prepared.request());
    if (outcome instanceof AttemptResult.Delivered) {
      return finished(job, DeliveryResult.DELIVERED, "", prepared.renderProblems());
    }
    if (outcome instanceof AttemptResult.Failed failed) {
      return fail(job, FailureReason.REJECTED, failed.reason());
    }
    return retry(job, (AttemptResult.Retry) outcome);
  }

  /**
   * One request through the type's transport, counted in the worker's metrics with its duration
   * (failed when it throws, too), the notification counted at its first.
   */
  private AttemptResult send(Job job, Outbound request) {
    String type = job.delivery.type;
    String tenant = job.notification.getTenant();
    countNotification(job);
    long start = nanos();
    AttemptResult outcome = null;
    try {
      outcome = job.delivery.transport.send(request);
      return outcome;
    } finally {
      boolean failed = !(outcome instanceof AttemptResult.Delivered);
      if (outcome instanceof AttemptResult.Failed f) {
        job.lastRequestFailure = WorkerMetrics.Reason.ofStatus(f.status());
      } else if (outcome instanceof AttemptResult.Retry r) {
        job.lastRequestFailure = WorkerMetrics.Reason.ofStatus(r.status());
      }
      worker.request(type, tenant, failed, Duration.ofNanos(Math.max(0, nanos() - start)));
    }
  }

  /** A request refused before it was made (rate limit, firewall): failed, without a duration. */
  private void refusedRequest(Job job) {
    countNotification(job);
    worker.request(job.delivery.type, job.notification.getTenant(), true, null);
  }

  /** Counts the notification in the worker's metrics, once. */
  private void countNotification(Job job) {
    if (!job.counted) {
      job.counted = true;
      worker.notification(job.delivery.type, job.notification.getTenant());
    }
  }

  /**
   * The reason Alertmanager would give the failure: a refusal's by its HTTP status; for retries
   * that ran out, as Alertmanager reports its last error, the last failed request's, or the
   * deadline when no request failed; {@code other} for everything Alertmanager has no name for.
   */
  private static WorkerMetrics.Reason alertmanagerReason(Job job, FailureReason why) {
    return switch (why) {
      case REJECTED ->
          job.lastRequestFailure == null ? WorkerMetrics.Reason.OTHER : job.lastRequestFailure;
      case RETRIES_EXHAUSTED ->
          job.lastRequestFailure == null
              ? WorkerMetrics.Reason.CONTEXT_DEADLINE_EXCEEDED
              : job.lastRequestFailure;
      default -> WorkerMetrics.Reason.OTHER;
    };
  }

  /**
   * Delivered, or recorded in dry run.
   *
   * @param note why the outcome is what it is (dry run), reported before any render problems
   * @param renderProblems settings whose template failed and were sent with their default, kept
   *     with the outcome as Alertmanager keeps a template error with the notification
   */
  private Optional<Duration> finished(
      Job job, DeliveryResult result, String note, List<String> renderProblems) {
    Notification n = job.notification;
    metrics.sent(
        job.delivery.type,
        n.getTenant(),
        Math.max(0, clock.millis() - n.getCreatedAt().toEpochMilli()));
    String rendering =
        renderProblems.isEmpty()
            ? ""
            : "sent with default text for: " + String.join("; ", renderProblems);
    report(
        job,
        result,
        note.isEmpty() || rendering.isEmpty() ? note + rendering : note + "; " + rendering);
    LOG.debug(
        "tenant {}: notification {} delivered to {}", n.getTenant(), n.getId(), n.getReceiver());
    offsets.finished(job.partition, job.record.kafkaOffset());
    return Optional.empty();
  }

  private Optional<Duration> retry(Job job, AttemptResult.Retry retry) {
    NotificationSinkConfig settings = job.delivery.settings;
    Duration wait = settings.backoff().after(job.attempts, retry.retryAfter());
    long elapsed = clock.millis() - job.firstAttemptMs;
    if (elapsed + wait.toMillis() > settings.retryTimeout().toMillis()) {
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
    metrics.retried(job.delivery.type, job.notification.getTenant());
    return Optional.of(wait);
  }

  /** Queues the job for the dead letter queue; its outcome is reported once it is there. */
  private Optional<Duration> fail(Job job, FailureReason why, String reason) {
    metrics.failed(job.delivery.type, job.notification.getTenant(), why);
    countNotification(job);
    worker.failed(job.delivery.type, job.notification.getTenant(), alertmanagerReason(job, why));
    deadLetters.add(new DeadLetter(job, reason));
    return Optional.empty();
  }

  private void report(Job job, DeliveryResult result, String reason) {
    Notification n = job.notification;
    long now = clock.millis();
    env.outcomes()
        .report(
            DeliveryOutcomes.of(
                n,
                result,
                reason,
                job.attempts,
                Instant.ofEpochMilli(job.firstAttemptMs < 0 ? now : job.firstAttemptMs),
                Instant.ofEpochMilli(now)));
  }

  /**
   * Hands dead letters to Connect's reporter, on the task thread, waits until written, then reports
   * their outcome.
   */
  private void reportDeadLetters() {
    DeadLetter dead;
    while ((dead = deadLetters.poll()) != null) {
      if (!owned.contains(dead.job().partition)) {
        continue; // revoked: its new owner delivers it again
      }
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
      if (dead.job().notification != null) {
        report(dead.job(), DeliveryResult.DEAD_LETTERED, dead.reason());
      }
      offsets.finished(dead.job().partition, record.kafkaOffset());
    }
  }

  /**
   * The offsets up to the oldest unfinished notification of each partition, once the outcomes of
   * the finished ones are written; none while some outcome cannot be written.
   */
  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(
      Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    reportDeadLetters();
    applyBackpressure();
    // A notification's outcome is reported before it counts as finished, so every one below these
    // offsets is in the outcome sink before the flush starts.
    Map<TopicPartition, OffsetAndMetadata> safe = offsets.safe(currentOffsets);
    if (!env.outcomes().flush()) {
      LOG.warn("outcomes not written yet; offsets not committed this time");
      return Map.of();
    }
    return safe;
  }

  @Override
  public void stop() {
    for (TypeDelivery d : deliveries.values()) {
      d.executor.shutdownNow();
    }
    for (TypeDelivery d : deliveries.values()) {
      try {
        d.executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (metrics != null) {
      metrics.close();
    }
    if (overridesFile != null) {
      overridesFile.close();
    }
    if (env != null) {
      env.close();
    }
  }
}
