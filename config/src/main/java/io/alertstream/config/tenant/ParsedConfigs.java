package io.alertstream.config.tenant;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tenant configs parsed once per version per process. Everything in a process that needs a stored
 * tenant config parsed (the topology's tasks, the API's reads, the sink tasks) asks {@link
 * #shared()}, so a config version is parsed once however many tasks and threads use it. Keeps the
 * newest version seen of each tenant; a parsed config is immutable and safe to share.
 */
public final class ParsedConfigs {

  private static final ParsedConfigs SHARED = new ParsedConfigs(new ConfigParser());

  private record Parsed(long version, String yaml, AlertmanagerConfig config) {}

  private final ConfigParser parser;
  private final Map<String, Parsed> newest = new ConcurrentHashMap<>();
  private final AtomicLong parses = new AtomicLong();

  ParsedConfigs(ConfigParser parser) {
    this.parser = parser;
  }

  /** The process's instance. */
  public static ParsedConfigs shared() {
    return SHARED;
  }

  /**
   * The tenant's config version {@code version}, whose text is {@code yaml}, parsed.
   *
   * @throws InvalidConfigException as {@link ConfigParser#parse} does
   */
  public AlertmanagerConfig parse(String tenant, long version, String yaml)
      throws InvalidConfigException {
    Parsed known = newest.get(tenant);
    if (known != null && known.version() == version && known.yaml().equals(yaml)) {
      return known.config();
    }
    AlertmanagerConfig config = parser.parse(yaml);
    parses.incrementAndGet();
    remember(tenant, version, yaml, config);
    return config;
  }

  /**
   * Remembers a config parsed elsewhere (the config API's validation) as the tenant's version
   * {@code version}, so that it is not parsed again in this process.
   */
  public void remember(String tenant, long version, String yaml, AlertmanagerConfig config) {
    newest.merge(
        tenant,
        new Parsed(version, yaml, config),
        (old, now) -> now.version() >= old.version() ? now : old);
  }

  /** Forgets a tenant whose config was deleted. */
  public void forget(String tenant) {
    newest.remove(tenant);
  }

  /** How many times a config was actually parsed: for tests. */
  long parses() {
    return parses.get();
  }
}
