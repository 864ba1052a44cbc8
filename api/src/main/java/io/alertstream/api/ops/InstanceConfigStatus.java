package io.alertstream.api.ops;

import io.alertstream.topology.ops.TenantCensus;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What Alertmanager's {@code alertmanager_config_*} gauges say of an instance: whether its last
 * {@code /-/reload} succeeded, when one last did (or the start), and a hash of what the instance
 * was configured with (the fallback config and the limits overrides), equal on every instance
 * configured alike.
 */
public final class InstanceConfigStatus {

  private final Supplier<String> configText;
  private final Clock clock;
  private volatile boolean lastReloadSucceeded = true;
  private volatile long lastSuccessMs;
  private volatile double hash;

  /**
   * @param configText what the instance is configured with now, read again after each reload
   */
  public InstanceConfigStatus(Supplier<String> configText, Clock clock) {
    this.configText = configText;
    this.clock = clock;
    succeeded();
  }

  public void succeeded() {
    hash = TenantCensus.hash(configText.get());
    lastSuccessMs = clock.millis();
    lastReloadSucceeded = true;
  }

  public void failed() {
    lastReloadSucceeded = false;
  }

  public boolean lastReloadSucceeded() {
    return lastReloadSucceeded;
  }

  public double lastSuccessSeconds() {
    return lastSuccessMs / 1000.0;
  }

  public double hash() {
    return hash;
  }
}
