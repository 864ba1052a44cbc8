package io.alertstream.local;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the example tenants' configs ({@code <tenant>.yml} in a folder) to the configs topic,
 * validating each first so that a broken example is reported, not loaded. A tenant's Alertstream
 * settings, which the config API takes in the body's {@code alertstream:} section, come from {@code
 * <tenant>.alertstream.yml} beside its config (e.g. {@code alertstream: {dry_run: true}}), so that
 * {@code <tenant>.yml} stays a plain alertmanager.yml that amtool accepts.
 */
public final class TenantSeeder {

  private static final Logger LOG = LoggerFactory.getLogger("alertstream");

  /** The file name suffix of a tenant's settings file. */
  static final String SETTINGS_SUFFIX = ".alertstream.yml";

  private final Producer<String, TenantConfig> producer;
  private final Clock clock;

  public TenantSeeder(Producer<String, TenantConfig> producer, Clock clock) {
    this.producer = producer;
    this.clock = clock;
  }

  /** Returns the tenants it loaded. */
  public List<String> seed(Path folder)
      throws IOException, InterruptedException, ExecutionException {
    return seed(folder, tenant -> Optional.empty());
  }

  /**
   * Publishes the tenants whose file differs from their config in force ({@code current}), as
   * {@code /-/reload} does; returns the tenants it published.
   */
  public List<String> seed(Path folder, Function<String, Optional<TenantConfig>> current)
      throws IOException, InterruptedException, ExecutionException {
    List<String> tenants = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return tenants;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files =
          list.filter(p -> p.getFileName().toString().endsWith(".yml"))
              .filter(p -> !p.getFileName().toString().endsWith(SETTINGS_SUFFIX))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      String tenant = file.getFileName().toString().replaceFirst("\\.yml$", "");
      String yaml = Files.readString(file, StandardCharsets.UTF_8);
      try {
        new ConfigParser().parse(yaml);
      } catch (InvalidConfigException e) {
        throw new IOException(
            "example tenant config " + file + " is invalid: " + e.getMessage(), e);
      }
      TenantSettings settings = settings(folder.resolve(tenant + SETTINGS_SUFFIX));
      if (current.apply(tenant).filter(held -> same(held, yaml, settings)).isPresent()) {
        continue;
      }
      if (settings.anyDryRun()) {
        LOG.info("example tenant {}: {}", tenant, settings.dryRunSummary());
      }
      TenantConfig config =
          TenantConfig.newBuilder()
              .setTenant(tenant)
              // Versions only grow; the time of loading keeps them growing across restarts.
              .setVersion(clock.millis())
              .setAlertmanagerConfig(yaml)
              .setUpdatedAt(clock.instant())
              .setDryRun(settings.dryRunAll())
              .setDryRunIntegrations(new ArrayList<>(settings.dryRunIntegrations()))
              .setResolvedAfterSilence(new ArrayList<>(settings.resolvedAfterSilence()))
              .build();
      producer.send(new ProducerRecord<>(Topics.CONFIGS, tenant, config)).get();
      tenants.add(tenant);
    }
    return tenants;
  }

  private static boolean same(TenantConfig held, String yaml, TenantSettings settings) {
    return held.getAlertmanagerConfig().equals(yaml)
        && held.getDryRun() == settings.dryRunAll()
        && Set.copyOf(held.getDryRunIntegrations()).equals(settings.dryRunIntegrations())
        && Set.copyOf(held.getResolvedAfterSilence()).equals(settings.resolvedAfterSilence());
  }

  /** The tenant's settings file, if there is one; else the defaults (delivered for real). */
  static TenantSettings settings(Path file) throws IOException {
    if (!Files.exists(file)) {
      return TenantSettings.DEFAULT;
    }
    try {
      return TenantSettings.parseDocument(Files.readString(file, StandardCharsets.UTF_8));
    } catch (InvalidConfigException e) {
      throw new IOException(
          "example tenant settings " + file + " are invalid: " + e.getMessage(), e);
    }
  }
}
