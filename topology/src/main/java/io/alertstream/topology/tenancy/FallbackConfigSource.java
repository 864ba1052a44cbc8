package io.alertstream.topology.tenancy;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fallback config in force, which {@code /-/reload} may replace: read by the topology (tenants
 * without a config run it; a change regroups them, as a reload regroups a tenant) and the API.
 */
public final class FallbackConfigSource {

  private record Current(AlertmanagerConfig config, long version) {}

  private volatile Current current;

  public FallbackConfigSource(AlertmanagerConfig config) {
    this.current = new Current(config, 1);
  }

  public AlertmanagerConfig config() {
    return current.config();
  }

  /** Grows with every replacement. */
  public long version() {
    return current.version();
  }

  public synchronized void replace(AlertmanagerConfig config) {
    current = new Current(config, current.version() + 1);
  }

  /**
   * Reads the fallback config file again ({@code /-/reload}).
   *
   * @throws InvalidConfigException naming the field; the config in force stays
   */
  public void replaceFrom(Path file) throws IOException, InvalidConfigException {
    replace(new ConfigParser().parse(Files.readString(file)));
  }
}
