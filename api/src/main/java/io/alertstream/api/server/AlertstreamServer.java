package io.alertstream.api.server;

import io.alertstream.api.ApiServer;
import io.alertstream.api.KafkaAlertSink;
import io.alertstream.api.KafkaSilenceSink;
import io.alertstream.api.KafkaTenantConfigWriter;
import io.alertstream.api.ops.AlertmanagerCollector;
import io.alertstream.api.ops.AllConfigsHandler;
import io.alertstream.api.ops.HealthHandler;
import io.alertstream.api.ops.InstanceConfigStatus;
import io.alertstream.api.ops.InstanceStatus;
import io.alertstream.api.ops.InstanceStatusHandler;
import io.alertstream.api.ops.MetricsHandler;
import io.alertstream.api.ops.ReloadHandler;
import io.alertstream.api.ops.Reloadable;
import io.alertstream.api.receivertest.ReceiverTester;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.tenant.LimitsOverridesFile;
import io.alertstream.config.tenant.RuntimeLimits;
import io.alertstream.schemas.AlertBatch;
import io.alertstream.schemas.SilenceEvent;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.AvroSerdes;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.PatientRegistryClient;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.topology.grouping.FlushDelays;
import io.alertstream.topology.history.KafkaAlertHistory;
import io.alertstream.topology.metrics.AlertmanagerMetrics;
import io.alertstream.topology.ops.OperatorMetrics;
import io.alertstream.topology.ops.RestoreProgress;
import io.alertstream.topology.ops.TenantCensus;
import io.alertstream.topology.query.StreamsTenantLocator;
import io.alertstream.topology.query.StreamsTenantStateReader;
import io.alertstream.topology.replay.WhatIf;
import io.alertstream.topology.streams.AlertstreamTopology;
import io.alertstream.topology.streams.InputEnds;
import io.alertstream.topology.streams.RegistryOutages;
import io.alertstream.topology.streams.StreamsSettings;
import io.alertstream.topology.streams.TopologySettings;
import io.alertstream.topology.streams.UnwrittenState;
import io.alertstream.topology.tenancy.AllTenantConfigs;
import io.alertstream.topology.tenancy.StreamsTenantConfigStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** The topology and the HTTP API of one Alertstream instance. */
public final class AlertstreamServer implements AutoCloseable {

  /** How often the alerts topic's end offsets are read (see {@link InputEnds}). */
  private static final Duration INPUT_ENDS_POLL = Duration.ofMillis(50);

  /**
   * How long the stream thread asks an unavailable registry again before failing: well inside the
   * transaction timeout that exactly-once gives it (10 s).
   */
  private static final Duration REGISTRY_PATIENCE = Duration.ofSeconds(5);

  private final KafkaStreams streams;
  private final KafkaProducer<String, AlertBatch> alertProducer;
  private final KafkaProducer<String, TenantConfig> configProducer;
  private final KafkaProducer<String, SilenceEvent> silenceProducer;
  private final InputEnds inputEnds;
  private final ApiServer.Services services;
  private final ApiServer api;
  private final OperatorMetrics metrics;
  private final Optional<LimitsOverridesFile> overridesFile;
  private final ReloadHandler reloads;

  private AlertstreamServer(
      KafkaStreams streams,
      KafkaProducer<String, AlertBatch> alertProducer,
      KafkaProducer<String, TenantConfig> configProducer,
      KafkaProducer<String, SilenceEvent> silenceProducer,
      InputEnds inputEnds,
      ApiServer.Services services,
      ApiServer api,
      OperatorMetrics metrics,
      Optional<LimitsOverridesFile> overridesFile,
      ReloadHandler reloads) {
    this.streams = streams;
    this.alertProducer = alertProducer;
    this.configProducer = configProducer;
    this.silenceProducer = silenceProducer;
    this.inputEnds = inputEnds;
    this.services = services;
    this.api = api;
    this.metrics = metrics;
    this.overridesFile = overridesFile;
    this.reloads = reloads;
  }

  /** Starts the topology and the API, returning once the topology is running. */
  public static AlertstreamServer start(ServerSettings settings, Duration timeout)
      throws IOException, InterruptedException, TimeoutException {
    RuntimeLimits limits = new RuntimeLimits(settings.limits());
    Optional<LimitsOverridesFile> overridesFile = Optional.empty();
    if (settings.limitsOverridesFile().isPresent()) {
      try {
        overridesFile =
            Optional.of(
                LimitsOverridesFile.watch(
                    settings.limitsOverridesFile().get(),
                    limits,
                    LimitsOverridesFile.RELOAD_PERIOD));
      } catch (InvalidConfigException e) {
        throw new IllegalArgumentException("limits overrides: " + e.getMessage(), e);
      }
    }
    RestSchemaRegistryClient registryClient =
        new RestSchemaRegistryClient(settings.registryUrl(), settings.registryUserInfo());
    AvroSerdes serdes = new AvroSerdes(registryClient);
    // The live topology and what-if replays run with the same settings.
    TopologySettings topologySettings =
        TopologySettings.defaults(settings.externalUrl(), settings.fallbackConfig())
            .withLimits(limits)
            .withUntilResolvedGrace(settings.untilResolvedGrace());
    InputEnds inputEnds = InputEnds.polling(settings.kafka(), Topics.ALERTS, INPUT_ENDS_POLL);
    // Only the live topology and the API count into the metrics; replays count nothing.
    AlertmanagerMetrics alertmanagerMetrics = new AlertmanagerMetrics();
    // Versions whose writes the topology defers, read by the API over the stored copies.
    UnwrittenState unwritten = new UnwrittenState();
    KafkaStreams streams =
        new KafkaStreams(
            AlertstreamTopology.build(
                topologySettings.withMetrics(alertmanagerMetrics),
                // The stream thread waits out a blip of the registry; a longer outage fails it,
                // and RegistryOutages replaces it. The API answers 503 at once instead.
                new AvroSerdes(new PatientRegistryClient(registryClient, REGISTRY_PATIENCE)),
                inputEnds,
                unwritten),
            StreamsSettings.properties(
                settings.kafka(),
                settings.stateDir(),
                settings.replicationFactor(),
                settings.standbyReplicas(),
                settings.streamThreads(),
                settings.instanceId(),
                settings.advertisedApi()));
    streams.setUncaughtExceptionHandler(new RegistryOutages());
    RestoreProgress restores = new RestoreProgress();
    streams.setGlobalStateRestoreListener(restores);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorMetrics metrics =
        OperatorMetrics.bind(registry, streams, settings.stateDir(), restores, FlushDelays.GLOBAL);
    var alertProducer =
        new KafkaProducer<>(
            producerProps(settings, "alertstream-api-alerts"),
            new StringSerializer(),
            AvroSerializer.<AlertBatch>recordNamed(serdes.registry()));
    var configProducer =
        new KafkaProducer<>(
            producerProps(settings, "alertstream-api-configs"),
            new StringSerializer(),
            new AvroSerializer<TenantConfig>(serdes.registry()));
    var silenceProducer =
        new KafkaProducer<>(
            producerProps(settings, "alertstream-api-silences"),
            new StringSerializer(),
            new AvroSerializer<SilenceEvent>(serdes.registry()));
    ApiServer.Services services =
        new ApiServer.Services(
            new KafkaAlertSink(alertProducer, Topics.ALERTS),
            new StreamsTenantConfigStore(streams),
            new KafkaTenantConfigWriter(configProducer, Topics.CONFIGS),
            limits,
            new StreamsTenantStateReader(streams, unwritten),
            new KafkaSilenceSink(silenceProducer, Topics.SILENCES),
            topologySettings.fallback(),
            settings.credentials(),
            new StreamsTenantLocator(streams, settings.advertisedApi()),
            Optional.of(new WhatIf(settings.kafka(), serdes.registry(), topologySettings)),
            ReceiverTester.network(settings.blockPrivateEgress(), settings.externalUrl(), limits),
            Optional.of(
                new KafkaAlertHistory(settings.kafka(), serdes.registry(), topologySettings)),
            alertmanagerMetrics);
    Instant startedAt = Instant.now();
    InstanceConfigStatus configStatus =
        new InstanceConfigStatus(() -> configuredText(settings), Clock.systemUTC());
    registry
        .getPrometheusRegistry()
        .register(
            new AlertmanagerCollector(
                alertmanagerMetrics,
                new TenantCensus(streams)::take,
                configStatus,
                () -> clusterMembers(streams),
                Clock.systemUTC()));
    ReloadHandler reloads = new ReloadHandler(configStatus);
    overridesFile.ifPresent(f -> reloads.add(Reloadable.of(f.name(), f::reload)));
    settings
        .fallbackConfigFile()
        .ifPresent(
            file ->
                reloads.add(
                    Reloadable.of(
                        "fallback config " + file,
                        () -> {
                          topologySettings.fallback().replaceFrom(file);
                          return "applied to the tenants without a config";
                        })));
    ApiServer api =
        new ApiServer(settings.apiAddress(), services, Clock.systemUTC())
            .addContext("/-/reload", reloads)
            .addContext(
                "/multitenant_alertmanager/configs",
                new AllConfigsHandler(
                    new AllTenantConfigs(settings.kafka(), serdes.registry(), Topics.CONFIGS)::read,
                    settings.credentials().isPresent()))
            .addContext(
                "/multitenant_alertmanager/status",
                new InstanceStatusHandler(() -> status(streams, settings, startedAt)))
            .addContext("/metrics", new MetricsHandler(registry, metrics::refresh))
            .addContext("/-/healthy", HealthHandler.liveness(streams::state))
            .addContext("/-/ready", HealthHandler.readiness(streams::state));
    AlertstreamServer server =
        new AlertstreamServer(
            streams,
            alertProducer,
            configProducer,
            silenceProducer,
            inputEnds,
            services,
            api,
            metrics,
            overridesFile,
            reloads);
    try {
      streams.start();
      awaitRunning(streams, timeout);
      api.start();
    } catch (InterruptedException | TimeoutException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** This instance for {@code /multitenant_alertmanager/status}. */
  private static InstanceStatus status(
      KafkaStreams streams, ServerSettings settings, Instant startedAt) {
    TreeSet<Integer> active = new TreeSet<>();
    TreeSet<Integer> standby = new TreeSet<>();
    for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
      thread.activeTasks().forEach(t -> active.add(t.taskId().partition()));
      thread.standbyTasks().forEach(t -> standby.add(t.taskId().partition()));
    }
    long tenants = 0;
    try {
      tenants =
          streams
              .store(
                  StoreQueryParameters.fromNameAndType(
                      AlertstreamTopology.TENANT_CONFIG_STORE,
                      QueryableStoreTypes.<String, TenantConfig>keyValueStore()))
              .approximateNumEntries();
    } catch (InvalidStateStoreException notNow) {
      // rebalancing: shown as 0
    }
    return new InstanceStatus(
        settings.advertisedApi().host() + ":" + settings.advertisedApi().port(),
        streams.state().toString(),
        List.copyOf(active),
        List.copyOf(standby),
        tenants,
        Duration.between(startedAt, Instant.now()));
  }

  /**
   * What the instance is configured with, for {@code alertmanager_config_hash}: the fallback config
   * (its file as it is now, if it has one) and the limits overrides file.
   */
  private static String configuredText(ServerSettings settings) {
    StringBuilder text = new StringBuilder();
    text.append(readOr(settings.fallbackConfigFile(), settings.fallbackConfig()));
    text.append('\u0000').append(readOr(settings.limitsOverridesFile(), ""));
    return text.toString();
  }

  private static String readOr(Optional<Path> file, String otherwise) {
    try {
      return file.isPresent() ? Files.readString(file.get()) : otherwise;
    } catch (IOException unreadable) {
      return otherwise;
    }
  }

  /** The Kafka Streams clients of the application this instance knows of (itself at least). */
  private static int clusterMembers(KafkaStreams streams) {
    try {
      return Math.max(1, streams.metadataForAllStreamsClients().size());
    } catch (RuntimeException notNow) {
      return 1;
    }
  }

  private static Properties producerProps(ServerSettings settings, String clientId) {
    Properties props = new Properties();
    props.putAll(settings.kafka());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    return props;
  }

  private static void awaitRunning(KafkaStreams streams, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (streams.state() == KafkaStreams.State.ERROR
          || streams.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("Kafka Streams stopped while starting: " + streams.state());
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            "Kafka Streams not running after " + timeout + ": " + streams.state());
      }
      Thread.sleep(50);
    }
  }

  /** Adds something {@code /-/reload} re-reads (the local launcher's tenant files). */
  public void addReloadable(Reloadable part) {
    reloads.add(part);
  }

  public int apiPort() {
    return api.port();
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** What this server's API serves from, e.g. for a second API with other settings. */
  public ApiServer.Services apiServices() {
    return services;
  }

  @Override
  public void close() {
    api.close();
    services.receiverTester().close();
    metrics.close();
    alertProducer.close();
    configProducer.close();
    silenceProducer.close();
    inputEnds.close();
    overridesFile.ifPresent(LimitsOverridesFile::close);
    // Leave the group on a clean stop, so a restarted instance gets its tasks at once instead of
    // after the session timeout.
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }
}
