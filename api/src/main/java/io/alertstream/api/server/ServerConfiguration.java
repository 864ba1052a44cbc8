package io.alertstream.api.server;

import io.alertstream.api.auth.TenantCredentials;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.config.yaml.Durations;
import io.alertstream.topology.streams.TopologySettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
   * One setting: its key, the value it has when not set (null: none, or worked out from others),
   * how {@code --help} shows that default, and what it is for.
   */
  record Setting(String key, String defaultValue, String shownDefault, String what) {

    static Setting withDefault(String key, String defaultValue, String what) {
      return new Setting(key, defaultValue, defaultValue, what);
    }

    static Setting required(String key, String what) {
      return new Setting(key, null, "(required)", what);
    }

    static Setting optional(String key, String what) {
      return new Setting(key, null, "(none)", what);
    }

    /** A default worked out from other settings or the machine, described by {@code shown}. */
    static Setting derived(String key, String shown, String what) {
      return new Setting(key, null, shown, what);
    }
  }

  /**
   * Every setting, in the order {@code --help} lists them: the settings are read, checked and
   * defaulted from these, and the usage is generated from them.
   */
  static final List<Setting> SETTINGS = settingsList();

  /** The settings by key, {@code kafka.bootstrap.servers} included. */
  static final Map<String, Setting> KEYS = byKey(SETTINGS);

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
    return Boolean.parseBoolean(valueOrDefault(values, "topics.create"));
  }

  /** Partitions of topics created at start ({@code topics.partitions}). */
  public static int topicPartitions(Map<String, String> values) {
    return Integer.parseInt(valueOrDefault(values, "topics.partitions"));
  }

  /** How long to wait for Kafka Streams to run ({@code startup.timeout.seconds}). */
  public static Duration startupTimeout(Map<String, String> values) {
    return Duration.ofSeconds(Long.parseLong(valueOrDefault(values, "startup.timeout.seconds")));
  }

  private static String valueOrDefault(Map<String, String> values, String key) {
    return values.getOrDefault(key, KEYS.get(key).defaultValue());
  }

  /**
   * {@code ./alertstream server --help}: how to run it and every setting with its environment
   * variable and default, generated from {@link #SETTINGS}.
   */
  public static String usage() {
    StringBuilder out = new StringBuilder();
    out.append("usage: ./alertstream server [--config FILE]\n\n")
        .append("Runs the topology and the API of one instance against an existing Kafka cluster")
        .append(" and schema\nregistry. Settings come from the properties file (key=value) and")
        .append(" from environment\nvariables, which win: ")
        .append(ENV_PREFIX)
        .append("<KEY in capitals, dots as underscores>.\n")
        .append("Any other kafka.* key goes, without the prefix, to every Kafka client")
        .append(" (kafka.security.protocol,\nkafka.sasl.jaas.config, ...).")
        .append(" docs/OPERATIONS.md explains each setting.\n\n");
    int keyWidth = SETTINGS.stream().mapToInt(s -> s.key().length()).max().orElse(0);
    int envWidth = SETTINGS.stream().mapToInt(s -> envName(s.key()).length()).max().orElse(0);
    String row = "  %-" + keyWidth + "s  %-" + envWidth + "s  %s%n";
    out.append(String.format(row, "setting", "environment variable", "default"));
    for (Setting s : SETTINGS) {
      out.append(String.format(row, s.key(), envName(s.key()), s.shownDefault()));
      out.append(" ".repeat(keyWidth + 4)).append(s.what()).append('\n');
    }
    return out.toString();
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
    int apiPort = port("api.port");
    String apiHost = valueOrDefault(values, "api.host");
    String advertisedHost = values.getOrDefault("api.advertised.host", localHostName());
    int advertisedPort = integer("api.advertised.port", apiPort, 0, 65535);
    String externalUrl =
        values.getOrDefault("external.url", "http://" + advertisedHost + ":" + advertisedPort);
    int replicationFactor = integer("streams.replication.factor", -1);
    int standbys = integer("streams.standby.replicas", 0);
    int threads = integer("streams.threads", 1);
    integer("topics.partitions", 1);
    bool("topics.create");
    integer("startup.timeout.seconds", 1);
    bool("receivers.test.block.private.addresses");
    String fallback = fallbackConfig();
    Optional<TenantCredentials> credentials = credentials();
    TenantLimits limits =
        new TenantLimits(
                integer("limits.max.config.size.bytes", 0),
                integer("limits.max.templates.count", 0),
                integer("limits.max.template.size.bytes", 0))
            .withState(
                integer("limits.max.alerts.count", 0),
                integer("limits.max.alerts.size.bytes", 0),
                integer("limits.max.aggregation.groups", 0),
                integer("limits.max.silences.count", 0))
            .withSilenceLimits(
                duration("limits.max.silence.duration", Duration.ZERO),
                integer("limits.max.silence.matchers.count", 0));
    Duration untilResolvedGrace = untilResolvedGrace();
    Optional<Path> overrides = limitsOverridesFile(limits);
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return new ServerSettings(
        kafka,
        registryUrl,
        values.get("registry.basic.auth.user.info"),
        Path.of(valueOrDefault(values, "state.dir")),
        new InetSocketAddress(apiHost, apiPort),
        new HostInfo(advertisedHost, advertisedPort),
        externalUrl,
        replicationFactor,
        standbys,
        threads,
        fallback,
        limits,
        values.get("instance.id"),
        credentials,
        "true".equals(valueOrDefault(values, "receivers.test.block.private.addresses")),
        untilResolvedGrace,
        overrides,
        Optional.ofNullable(values.get("fallback.config.file")).map(Path::of));
  }

  /** The overrides file, if set; checked now so that a bad one stops the start naming it. */
  private Optional<Path> limitsOverridesFile(TenantLimits defaults) {
    String file = values.get("limits.overrides.file");
    if (file == null) {
      return Optional.empty();
    }
    try {
      io.alertstream.config.tenant.LimitsOverrides.parse(Files.readString(Path.of(file)), defaults);
    } catch (IOException e) {
      problems.add("limits.overrides.file: cannot read " + file + " (" + e + ")");
    } catch (InvalidConfigException e) {
      problems.add("limits.overrides.file: " + file + ": " + e.getMessage());
    }
    return Optional.of(Path.of(file));
  }

  private Duration untilResolvedGrace() {
    String key = "silences.until.resolved.grace";
    Duration grace = duration(key, TopologySettings.DEFAULT_UNTIL_RESOLVED_GRACE);
    if (!TopologySettings.validUntilResolvedGrace(grace)) {
      problems.add(key + ": " + Durations.format(grace) + " is not between 1s and 30m");
      return TopologySettings.DEFAULT_UNTIL_RESOLVED_GRACE;
    }
    return grace;
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

  private int port(String key) {
    return integer(key, Integer.parseInt(KEYS.get(key).defaultValue()), 0, 65535);
  }

  /** A whole number of at least {@code min}, defaulting to the setting's default. */
  private int integer(String key, int min) {
    return integer(key, Integer.parseInt(KEYS.get(key).defaultValue()), min, Integer.MAX_VALUE);
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

  /** A Prometheus duration ({@code 30d}, {@code 12h}); {@code fallback} when unset. */
  private Duration duration(String key, Duration fallback) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Durations.parse(value);
    } catch (InvalidConfigException e) {
      problems.add(key + ": '" + value + "' is not a duration such as 30d or 12h");
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

  private static List<Setting> settingsList() {
    List<Setting> settings = new ArrayList<>();
    settings.add(Setting.required("kafka.bootstrap.servers", "the Kafka cluster"));
    settings.add(
        Setting.required(
            "registry.url",
            "the Confluent-compatible schema registry API (Apicurio: .../apis/ccompat/v7)"));
    settings.add(
        Setting.optional("registry.basic.auth.user.info", "user:password for the registry"));
    settings.add(
        Setting.withDefault("state.dir", "data/streams", "where Kafka Streams keeps its state"));
    settings.add(Setting.withDefault("api.host", "0.0.0.0", "address the API listens on"));
    settings.add(
        Setting.withDefault("api.port", "9093", "port of the API, UI, /metrics and the probes"));
    settings.add(
        Setting.derived(
            "api.advertised.host", "(this host's name)", "how other instances reach this one"));
    settings.add(
        Setting.derived(
            "api.advertised.port", "(api.port)", "the port other instances reach this one at"));
    settings.add(
        Setting.derived(
            "external.url",
            "(http://<advertised host>:<port>)",
            "how users reach Alertstream, put in notifications"));
    settings.add(
        Setting.optional("instance.id", "stable id for static group membership of Kafka Streams"));
    settings.add(
        Setting.withDefault(
            "streams.replication.factor",
            "-1",
            "of Streams' changelog and repartition topics (-1: the broker's default)"));
    settings.add(
        Setting.withDefault(
            "streams.standby.replicas", "1", "warm copies of each task's state elsewhere"));
    settings.add(Setting.withDefault("streams.threads", "1", "Kafka Streams threads"));
    settings.add(Setting.withDefault("topics.create", "false", "create missing topics at start"));
    settings.add(
        Setting.withDefault("topics.partitions", "12", "partitions of topics created at start"));
    settings.add(
        Setting.derived(
            "fallback.config.file",
            "(Mimir's: notify nobody)",
            "alertmanager.yml for tenants without one"));
    settings.add(
        Setting.optional(
            "auth.file",
            "tenant credentials (./alertstream hash-password); set, the API requires basic auth"));
    settings.add(
        Setting.withDefault(
            "startup.timeout.seconds", "300", "how long to wait for Kafka Streams to run"));
    settings.add(
        Setting.optional(
            "limits.overrides.file",
            "per-tenant limits in Mimir's runtime config format (overrides: {tenant: {"
                + "alertmanager_max_alerts_count: ...}}), re-read every 10 s"));
    settings.add(
        Setting.withDefault(
            "silences.until.resolved.grace",
            "5m",
            "how long a silence until resolved waits, after the last alert it matched resolved,"
                + " before it ends (1s to 30m)"));
    settings.add(
        Setting.withDefault(
            "receivers.test.block.private.addresses",
            "false",
            "refuse receiver tests to loopback, private and link-local endpoints"));
    for (String limit :
        List.of(
            "max.config.size.bytes",
            "max.templates.count",
            "max.template.size.bytes",
            "max.alerts.count",
            "max.alerts.size.bytes",
            "max.aggregation.groups",
            "max.silences.count",
            "max.silence.matchers.count")) {
      settings.add(
          Setting.withDefault(
              "limits." + limit, "0", "per-tenant limit, as Mimir's (0: no limit)"));
    }
    settings.add(
        Setting.withDefault(
            "limits.max.silence.duration",
            "0",
            "longest a silence may last, e.g. 30d (0: no limit)"));
    return java.util.Collections.unmodifiableList(settings);
  }

  private static Map<String, Setting> byKey(List<Setting> settings) {
    Map<String, Setting> keys = new LinkedHashMap<>();
    settings.forEach(s -> keys.put(s.key(), s));
    return java.util.Collections.unmodifiableMap(keys);
  }
}
