package io.alertstream.config.tenant;

import io.alertstream.config.InvalidConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-tenant limits file (Mimir's runtime configuration format), re-read every period as Mimir
 * re-reads its runtime config: a changed file that parses replaces the overrides; one that does not
 * is logged with the field it names, and the last good overrides stay in force.
 */
public final class LimitsOverridesFile implements AutoCloseable {

  /** Mimir's default {@code -runtime-config.reload-period}. */
  public static final Duration RELOAD_PERIOD = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(LimitsOverridesFile.class);

  private final Path file;
  private final RuntimeLimits limits;
  private final ScheduledExecutorService timer;
  private String loadedText;
  private boolean unreadable;

  private LimitsOverridesFile(Path file, RuntimeLimits limits) {
    this.file = file;
    this.limits = limits;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "alertstream-limits-overrides");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Loads the file into {@code limits} and re-reads it every {@code period}.
   *
   * @throws IOException if it cannot be read now
   * @throws InvalidConfigException if it does not parse now
   */
  public static LimitsOverridesFile watch(Path file, RuntimeLimits limits, Duration period)
      throws IOException, InvalidConfigException {
    LimitsOverridesFile watched = new LimitsOverridesFile(file, limits);
    watched.loadedText = Files.readString(file, StandardCharsets.UTF_8);
    watched.load(watched.loadedText);
    watched.timer.scheduleWithFixedDelay(
        watched::reloadIfChanged, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    return watched;
  }

  /** What it is, for messages. */
  public String name() {
    return "limits overrides " + file;
  }

  /**
   * Reads the file now and applies it (for {@code /-/reload}).
   *
   * @return how many tenants it overrides
   * @throws IOException if it cannot be read
   * @throws InvalidConfigException naming the bad field; the last good overrides stay
   */
  public synchronized String reload() throws IOException, InvalidConfigException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    loadedText = text;
    return limits.load(text).byTenant().size() + " tenant(s) overridden";
  }

  /**
   * Reads the file again and applies it if its text changed. Each problem is logged once, when it
   * appears; whatever happens, the last good overrides stay and the next period tries again.
   */
  synchronized void reloadIfChanged() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      if (!unreadable) {
        LOG.warn("limits overrides {}: cannot read it ({}); keeping the last good ones", file, e);
      }
      unreadable = true;
      return;
    }
    unreadable = false;
    if (text.equals(loadedText)) {
      return;
    }
    loadedText = text;
    try {
      load(text);
    } catch (InvalidConfigException | RuntimeException e) {
      LOG.warn("limits overrides {} refused, keeping the last good ones: {}", file, e.getMessage());
    }
  }

  private void load(String text) throws InvalidConfigException {
    LimitsOverrides loaded = limits.load(text);
    LOG.info("limits overrides {}: {} tenant(s) overridden", file, loaded.byTenant().size());
    if (!loaded.notApplied().isEmpty()) {
      LOG.warn(
          "limits overrides {}: Alertstream has no such limit, not applied: {}",
          file,
          String.join(", ", loaded.notApplied()));
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
