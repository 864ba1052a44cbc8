package io.alertstream.topology.server;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.topology.auth.TenantCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Reads {@code ./alertstream server}'s settings: a properties file, overridden by environment
 * variables named {@code ALERTSTREAM_} plus the key in capitals with dots as underscores ({@code
 * kafka.bootstrap.servers} is {@code ALERTSTREAM_KAFKA_BOOTSTRAP_SERVERS}). Keys starting with
 * {@code kafka.} go, without the prefix, to every Kafka client (security protocol, SASL, TLS).
 * Every problem is reported at once, each naming its key.
 */
public final class ServerConfiguration {

  public static final String ENV_PREFIX = "ALERTSTREAM_";
  static final String KAFKA_PREFIX = "kafka.";

  /**
   * The settings besides {@code kafka.*}, with what each is for; those without default are null.
   */
  static final Map<String, String> KEYS = keys();

  private final Map<String, String> values;
  private final List<String> problems = new ArrayList<>();

  private ServerConfiguration(Map<String, String> values) {
    this.values = values;
  }

  /** Thrown with every problem found, one per line. */
  public static final class InvalidSettingsException extends Exception {
    private final List<String> problems;

    InvalidSettingsException(List<String> problems) {
      super("invalid settings:\n  - " + String.join("\n  - ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /**
   * The settings from a properties file (may be null) and the environment, the environment winning;
   * unknown keys in the file are errors, unknown {@code ALERTSTREAM_} variables are ignored (the
   * launcher script uses some of its own).
   */
  public static Map<String, String> read(Path file, Map<String, String> environment)
      throws IOException {
    Map<String, String> values = new TreeMap<>();
    if (file != null) {
      java.util.Properties props = new java.util.Properties();
      try (var in = Files.newBufferedReader(file)) {
        props.load(in);
      }
      props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k).trim()));
    }
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX)) {
            String key =
                name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            if (key.startsWith(KAFKA_PREFIX) || KEYS.containsKey(key)) {
              values.put(key, value.trim());
            }
          }
        });
    return values;
  }

  /** Validates the settings and turns them into what the server runs with. */
  public static ServerSettings settings(Map<String, String> values)
      throws InvalidSettingsException {
    return new ServerConfiguration(values).build();
  }

  /** Whether to create missing topics at start ({@code topics.create}). */
  public static boolean createTopics(Map<String, String> values) {
    return Boolean.parseBoolean(values.getOrDefault("topics.create", "false"));
  }

  /** Partitions of topics created at start ({@code topics.partitions}). */
  public static int topicPartitions(Map<String, String> values) {
    return Integer.parseInt(values.getOrDefault("topics.partitions", "12"));
  }

  /** How long to wait for Kafka Streams to run ({@code startup.timeout.seconds}). */
  public static java.time.Duration startupTimeout(Map<String, String> values) {
    return java.time.Duration.ofSeconds(
        Long.parseLong(values.getOrDefault("startup.timeout.seconds", "300")));
  }

  private ServerSettings build() throws InvalidSettingsException {
    for (String key : values.keySet()) {
      if (!key.startsWith(KAFKA_PREFIX) && !KEYS.containsKey(key)) {
        problems.add(key + ": unknown setting (known: " + String.join(", ", KEYS.keySet()) + ")");
      }
    }
    Map<String, String> kafka = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(KAFKA_PREFIX)) {
            kafka.put(k.substring(KAFKA_PREFIX.length()), v);
          }
        });
    if (kafka.getOrDefault("bootstrap.servers", "").isEmpty()) {
      problems.add(missing("kafka.bootstrap.servers"));
    }
    String registryUrl = required("registry.url");
    int apiPort = port("api.port", 9093);
    String apiHost = values.getOrDefault("api.host", "0.0.0.0");
    String advertisedHost = values.getOrDefault("api.advertised.host", localHostName());
    int advertisedPort = port("api.advertised.port", apiPort);
    String externalUrl =
        values.getOrDefault("external.url", "http://" + advertisedHost + ":" + advertisedPort);
    int replicationFactor = integer("streams.replication.factor", -1, -1);
    int standbys = integer("streams.standby.replicas", 1, 0);
    int threads = integer("streams.threads", 1, 1);
    integer("topics.partitions", 12, 1);
    bool("topics.create");
    integer("startup.timeout.seconds", 300, 1);
    String fallback = fallbackConfig();
    Optional<TenantCredentials> credentials = credentials();
    TenantLimits limits =
        new TenantLimits(
                integer("limits.max.config.size.bytes", 0, 0),
                integer("limits.max.templates.count", 0, 0),
                integer("limits.max.template.size.bytes", 0, 0))
            .withState(
                integer("limits.max.alerts.count", 0, 0),
                integer("limits.max.alerts.size.bytes", 0, 0),
                integer("limits.max.aggregation.groups", 0, 0),
                integer("limits.max.silences.count", 0, 0));
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return new ServerSettings(
        kafka,
        registryUrl,
        values.get("registry.basic.auth.user.info"),
        Path.of(values.getOrDefault("state.dir", "data/streams")),
        new InetSocketAddress(apiHost, apiPort),
        new HostInfo(advertisedHost, advertisedPort),
        externalUrl,
        replicationFactor,
        standbys,
        threads,
        fallback,
        limits,
        values.get("instance.id"),
        credentials);
  }

  private String fallbackConfig() {
    String file = values.get("fallback.config.file");
    if (file == null) {
      return ServerSettings.DEFAULT_FALLBACK_CONFIG;
    }
    try {
      String yaml = Files.readString(Path.of(file));
      new ConfigParser().parse(yaml);
      return yaml;
    } catch (IOException e) {
      problems.add("fallback.config.file: cannot read " + file + " (" + e + ")");
    } catch (InvalidConfigException e) {
      problems.add("fallback.config.file: " + file + " is not a valid config: " + e.getMessage());
    }
    return null;
  }

  private Optional<TenantCredentials> credentials() {
    String file = values.get("auth.file");
    if (file == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(TenantCredentials.load(Path.of(file)));
    } catch (IOException | RuntimeException e) {
      problems.add("auth.file: cannot read " + file + " (" + e.getMessage() + ")");
      return Optional.empty();
    }
  }

  private String required(String key) {
    String value = values.get(key);
    if (value == null || value.isEmpty()) {
      problems.add(missing(key));
    }
    return value;
  }

  private static String missing(String key) {
    return key + ": missing (set it in the properties file or as " + envName(key) + ")";
  }

  /** The environment variable that sets a key. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  private int port(String key, int fallback) {
    return integer(key, fallback, 0, 65535);
  }

  private int integer(String key, int fallback, int min) {
    return integer(key, fallback, min, Integer.MAX_VALUE);
  }

  private int integer(String key, int fallback, int min, int max) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        problems.add(
            key
                + ": "
                + n
                + " is out of range ("
                + min
                + (max == Integer.MAX_VALUE ? " or more" : " to " + max)
                + ")");
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(key + ": '" + value + "' is not a whole number");
      return fallback;
    }
  }

  private void bool(String key) {
    String value = values.get(key);
    if (value != null && !Set.of("true", "false").contains(value)) {
      problems.add(key + ": '" + value + "' is not true or false");
    }
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("registry.url", "the Confluent-compatible schema registry API (required)");
    keys.put("registry.basic.auth.user.info", "user:password for the registry");
    keys.put("state.dir", "where Kafka Streams keeps state (data/streams)");
    keys.put("api.host", "address the API listens on (0.0.0.0)");
    keys.put("api.port", "port of the API, UI, /metrics and probes (9093)");
    keys.put("api.advertised.host", "how other instances reach this one (the host name)");
    keys.put("api.advertised.port", "the port other instances reach this one at (api.port)");
    keys.put("external.url", "how users reach Alertstream, put in notifications");
    keys.put("instance.id", "stable id for static group membership (none)");
    keys.put("streams.replication.factor", "of Streams' internal topics (-1: broker default)");
    keys.put("streams.standby.replicas", "warm state copies on other instances (1)");
    keys.put("streams.threads", "Kafka Streams threads (1)");
    keys.put("topics.create", "create missing topics at start (false)");
    keys.put("topics.partitions", "partitions of topics created at start (12)");
    keys.put("fallback.config.file", "alertmanager.yml for tenants without one");
    keys.put("auth.file", "tenant credentials; present, the API requires basic auth");
    keys.put("startup.timeout.seconds", "how long to wait for Kafka Streams to run (300)");
    for (String limit :
        List.of(
            "max.config.size.bytes",
            "max.templates.count",
            "max.template.size.bytes",
            "max.alerts.count",
            "max.alerts.size.bytes",
            "max.aggregation.groups",
            "max.silences.count")) {
      keys.put("limits." + limit, "per-tenant limit, as Mimir's (0: none)");
    }
    return java.util.Collections.unmodifiableMap(keys);
  }
}
