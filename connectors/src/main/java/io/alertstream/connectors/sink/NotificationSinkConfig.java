package io.alertstream.connectors.sink;

import io.alertstream.connectors.delivery.RetryBackoff;
import io.alertstream.schemas.Topics;
import io.alertstream.templates.RenderLimits;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The sink connector's settings. Endpoints and secrets are not among them: they come from the
 * tenants' configs.
 *
 * <p>The connector delivers every integration type; the settings of {@link #PER_TYPE} apply to each
 * type and may be set for one type with the prefix {@code integration.<type>.}, e.g. {@code
 * integration.slack.notification.rate.limit=2} ({@link #forType}). The others belong to the task as
 * a whole.
 */
public final class NotificationSinkConfig extends AbstractConfig {

  /** Prefix of a setting for one integration type: {@code integration.<type>.<setting>}. */
  public static final String INTEGRATION_PREFIX = "integration.";

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String CONFIGS_BOOTSTRAP_SERVERS = "alertstream.configs.bootstrap.servers";
  public static final String CONFIGS_TOPIC = "alertstream.configs.topic";

  /**
   * Settings with this prefix go, without it, to the connector's own Kafka clients (the configs
   * reader, the outcome and dry-run producers): security protocol, SASL, TLS.
   */
  public static final String KAFKA_CLIENT_PREFIX = "alertstream.kafka.";

  public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
  public static final String CONFIG_WAIT_MS = "alertstream.config.wait.ms";
  public static final String RETRY_TIMEOUT_MS = "delivery.retry.timeout.ms";
  public static final String RETRY_BACKOFF_MS = "delivery.retry.backoff.ms";
  public static final String RETRY_BACKOFF_MAX_MS = "delivery.retry.backoff.max.ms";
  public static final String REQUEST_TIMEOUT_MS = "delivery.request.timeout.ms";
  public static final String THREADS = "delivery.threads";
  public static final String DESTINATION_CONCURRENCY = "delivery.destination.concurrency";
  public static final String TENANT_CONCURRENCY = "delivery.tenant.concurrency";
  public static final String MAX_PENDING = "delivery.max.pending";
  public static final String DRY_RUN = "dry.run";
  public static final String DRY_RUN_TOPIC = "dry.run.topic";
  public static final String OUTCOMES_TOPIC = "delivery.outcomes.topic";
  public static final String BLOCK_PRIVATE = "egress.block.private.addresses";
  public static final String LIMITS_OVERRIDES_FILE = "limits.overrides.file";
  public static final String RATE_LIMIT = "notification.rate.limit";
  public static final String RATE_LIMIT_BURST = "notification.rate.limit.burst";
  public static final String RATE_LIMIT_OVERRIDES = "notification.rate.limit.overrides";
  public static final String RENDER_MAX_OUTPUT_CHARS = "render.max.output.chars";
  public static final String RENDER_TIMEOUT_MS = "render.timeout.ms";
  public static final String ENDPOINT_OVERRIDE = "endpoint.override";

  /**
   * The settings each integration type has its own of (as when each type had its own connector):
   * retries, timeouts, delivery threads and concurrency, dry run, egress rule, rate limits.
   */
  public static final Set<String> PER_TYPE =
      Set.of(
          CONFIG_WAIT_MS,
          RETRY_TIMEOUT_MS,
          RETRY_BACKOFF_MS,
          RETRY_BACKOFF_MAX_MS,
          REQUEST_TIMEOUT_MS,
          THREADS,
          DESTINATION_CONCURRENCY,
          TENANT_CONCURRENCY,
          DRY_RUN,
          BLOCK_PRIVATE,
          ENDPOINT_OVERRIDE,
          RATE_LIMIT,
          RATE_LIMIT_BURST,
          RATE_LIMIT_OVERRIDES);

  private static final String GROUP_SOURCES = "Alertstream";
  private static final String GROUP_DELIVERY = "Delivery";
  private static final String GROUP_GUARDS = "Limits and dry run";

  public static final ConfigDef DEF =
      new ConfigDef()
          .define(
              SCHEMA_REGISTRY_URL,
              Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "Schema registry (Confluent REST API) the notification records were written with.",
              GROUP_SOURCES,
              1,
              ConfigDef.Width.LONG,
              "Schema registry URL")
          .define(
              SCHEMA_REGISTRY_USER_INFO,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "user:password for a schema registry behind basic authentication.",
              GROUP_SOURCES,
              2,
              ConfigDef.Width.LONG,
              "Schema registry user info")
          .define(
              CONFIGS_BOOTSTRAP_SERVERS,
              Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "Kafka cluster holding the tenant configs topic, from which endpoints and secrets are read.",
              GROUP_SOURCES,
              2,
              ConfigDef.Width.LONG,
              "Configs bootstrap servers")
          .define(
              CONFIGS_TOPIC,
              Type.STRING,
              Topics.CONFIGS,
              Importance.MEDIUM,
              "Compacted topic of tenant configs.",
              GROUP_SOURCES,
              3,
              ConfigDef.Width.MEDIUM,
              "Configs topic")
          .define(
              CONFIG_WAIT_MS,
              Type.LONG,
              2_000L,
              Range.atLeast(0),
              Importance.LOW,
              "How long one attempt waits for the config version a notification was made under; the"
                  + " attempt is retried after that.",
              GROUP_SOURCES,
              4,
              ConfigDef.Width.SHORT,
              "Config wait")
          .define(
              RETRY_TIMEOUT_MS,
              Type.LONG,
              3_600_000L,
              Range.atLeast(0),
              Importance.MEDIUM,
              "How long a notification that meets 429, 5xx or network failures is retried before"
                  + " it goes to the DLQ, counted from its first attempt.",
              GROUP_DELIVERY,
              1,
              ConfigDef.Width.SHORT,
              "Retry timeout")
          .define(
              RETRY_BACKOFF_MS,
              Type.LONG,
              1_000L,
              Range.atLeast(1),
              Importance.LOW,
              "First wait between retries; it doubles with each retry.",
              GROUP_DELIVERY,
              2,
              ConfigDef.Width.SHORT,
              "Retry backoff")
          .define(
              RETRY_BACKOFF_MAX_MS,
              Type.LONG,
              60_000L,
              Range.atLeast(1),
              Importance.LOW,
              "Longest wait between retries, Retry-After included.",
              GROUP_DELIVERY,
              3,
              ConfigDef.Width.SHORT,
              "Max retry backoff")
          .define(
              REQUEST_TIMEOUT_MS,
              Type.LONG,
              10_000L,
              Range.atLeast(1),
              Importance.LOW,
              "Time allowed for one HTTP request.",
              GROUP_DELIVERY,
              4,
              ConfigDef.Width.SHORT,
              "Request timeout")
          .define(
              THREADS,
              Type.INT,
              16,
              Range.between(1, 64),
              Importance.LOW,
              "Deliveries in flight at once per task and integration type.",
              GROUP_DELIVERY,
              5,
              ConfigDef.Width.SHORT,
              "Delivery threads")
          .define(
              DESTINATION_CONCURRENCY,
              Type.INT,
              4,
              Range.between(1, 64),
              Importance.LOW,
              "Deliveries in flight at once to one destination (tenant, receiver, integration),"
                  + " each for a different aggregation group; keeps a destination that hangs from"
                  + " taking every delivery thread.",
              GROUP_DELIVERY,
              5,
              ConfigDef.Width.SHORT,
              "Deliveries per destination")
          .define(
              TENANT_CONCURRENCY,
              Type.INT,
              8,
              Range.between(1, 64),
              Importance.LOW,
              "Deliveries in flight at once for one tenant, over all its receivers; keeps a tenant"
                  + " with many slow endpoints or slow templates from taking every delivery thread."
                  + " Below delivery.threads, the rest are always left to other tenants.",
              GROUP_DELIVERY,
              5,
              ConfigDef.Width.SHORT,
              "Deliveries per tenant")
          .define(
              MAX_PENDING,
              Type.INT,
              10_000,
              Range.atLeast(1),
              Importance.LOW,
              "Notifications held by a task (waiting or being retried), all integration types"
                  + " together, above which it stops reading until some are finished.",
              GROUP_DELIVERY,
              6,
              ConfigDef.Width.SHORT,
              "Max pending")
          .define(
              OUTCOMES_TOPIC,
              Type.STRING,
              Topics.DELIVERY_OUTCOMES,
              Importance.LOW,
              "Where the task reports what became of each notification (delivered, failed with"
                  + " the reason, or dry-run), for the tenant's notification history; empty for"
                  + " none.",
              GROUP_DELIVERY,
              7,
              ConfigDef.Width.MEDIUM,
              "Outcomes topic")
          .define(
              DRY_RUN,
              Type.BOOLEAN,
              false,
              Importance.MEDIUM,
              "Record the request that would be sent on the dry-run topic instead of sending it.",
              GROUP_GUARDS,
              1,
              ConfigDef.Width.SHORT,
              "Dry run")
          .define(
              DRY_RUN_TOPIC,
              Type.STRING,
              Topics.DRY_RUN,
              Importance.LOW,
              "Where dry-run requests are recorded, secrets masked.",
              GROUP_GUARDS,
              2,
              ConfigDef.Width.MEDIUM,
              "Dry-run topic")
          .define(
              BLOCK_PRIVATE,
              Type.BOOLEAN,
              false,
              Importance.MEDIUM,
              "Refuse endpoints that resolve to loopback, private, link-local or unique-local"
                  + " addresses.",
              GROUP_GUARDS,
              3,
              ConfigDef.Width.SHORT,
              "Block private addresses")
          .define(
              ENDPOINT_OVERRIDE,
              Type.STRING,
              "",
              (name, value) -> {
                String text = (String) value;
                if (text != null && !text.isEmpty()) {
                  try {
                    java.net.URI uri = new java.net.URI(text);
                    if (uri.getScheme() == null || uri.getHost() == null) {
                      throw new ConfigException(name, value, "needs scheme://host[:port]");
                    }
                  } catch (java.net.URISyntaxException e) {
                    throw new ConfigException(name, value, "not a URL: " + e.getReason());
                  }
                }
              },
              Importance.LOW,
              "Send this type's HTTP requests to this scheme://host[:port] instead of the host the"
                  + " tenant's config (or the type's fixed API address) names, keeping path and"
                  + " query: an egress relay, or a local test server. Set it per type"
                  + " (integration.<type>.endpoint.override); empty: as configured.",
              GROUP_GUARDS,
              4,
              ConfigDef.Width.MEDIUM,
              "Endpoint override")
          .define(
              RATE_LIMIT,
              Type.DOUBLE,
              0.0,
              Importance.MEDIUM,
              "Notifications per second per tenant and integration type (Mimir's"
                  + " notification_rate_limit); 0 means no limit. Notifications over the limit go"
                  + " to the DLQ.",
              GROUP_GUARDS,
              4,
              ConfigDef.Width.SHORT,
              "Rate limit")
          .define(
              RATE_LIMIT_BURST,
              Type.INT,
              0,
              Range.atLeast(0),
              Importance.LOW,
              "Notifications a tenant may send at once before the rate applies; 0 means the rate"
                  + " rounded up.",
              GROUP_GUARDS,
              5,
              ConfigDef.Width.SHORT,
              "Rate limit burst")
          .define(
              RATE_LIMIT_OVERRIDES,
              Type.LIST,
              "",
              Importance.LOW,
              "Per-tenant rates, as tenant:rate pairs, e.g. \"team-a:5,team-b:0\".",
              GROUP_GUARDS,
              6,
              ConfigDef.Width.LONG,
              "Rate limit overrides")
          .define(
              RENDER_MAX_OUTPUT_CHARS,
              Type.LONG,
              RenderLimits.DEFAULT.maxOutputChars(),
              Range.atLeast(1),
              Importance.LOW,
              "Characters one notification's templates may write, all fields together. A tenant"
                  + " template that writes more stops; its field is rendered from Alertmanager's"
                  + " default and the failure is recorded with the outcome.",
              GROUP_GUARDS,
              7,
              ConfigDef.Width.SHORT,
              "Template output limit")
          .define(
              RENDER_TIMEOUT_MS,
              Type.LONG,
              RenderLimits.DEFAULT.timeout().toMillis(),
              Range.atLeast(1),
              Importance.LOW,
              "Time one notification's templates may take, all fields together; past it, as for"
                  + " the output limit.",
              GROUP_GUARDS,
              8,
              ConfigDef.Width.SHORT,
              "Template time limit")
          .define(
              LIMITS_OVERRIDES_FILE,
              Type.STRING,
              "",
              Importance.LOW,
              "Per-tenant limits in the format of Mimir's runtime configuration (overrides:"
                  + " {<tenant>: {...}}), the same file the Alertstream servers read, re-read every"
                  + " 10 s: the connector applies each tenant's receiver firewall"
                  + " (alertmanager_receivers_firewall_block_private_addresses,"
                  + " alertmanager_receivers_firewall_block_cidr_networks).",
              GROUP_GUARDS,
              9,
              ConfigDef.Width.LONG,
              "Limits overrides file");

  private final Map<String, String> props;

  public NotificationSinkConfig(Map<String, String> props) {
    this(props, true);
  }

  private NotificationSinkConfig(Map<String, String> props, boolean log) {
    super(DEF, props, log);
    this.props = Map.copyOf(props);
  }

  /**
   * The settings for one integration type: these, with each {@code integration.<type>.<setting>} in
   * place of {@code <setting>}.
   */
  public NotificationSinkConfig forType(String type) {
    String prefix = INTEGRATION_PREFIX + type + ".";
    Map<String, String> merged = new HashMap<>(props);
    props.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            merged.put(key.substring(prefix.length()), value);
          }
        });
    return new NotificationSinkConfig(merged, false);
  }

  /**
   * Checks the {@code integration.<type>.<setting>} settings: a known type, a setting of {@link
   * #PER_TYPE}, a valid value.
   *
   * @throws ConfigException naming the setting that is not
   */
  public void checkTypeSettings(Collection<String> types) {
    for (String key : props.keySet()) {
      if (!key.startsWith(INTEGRATION_PREFIX)) {
        continue;
      }
      String rest = key.substring(INTEGRATION_PREFIX.length());
      int dot = rest.indexOf('.');
      String type = dot < 0 ? rest : rest.substring(0, dot);
      if (!types.contains(type)) {
        throw new ConfigException(
            key, props.get(key), "unknown integration type " + type + "; known: " + types);
      }
      if (dot < 0 || !PER_TYPE.contains(rest.substring(dot + 1))) {
        throw new ConfigException(
            key,
            props.get(key),
            "not a setting an integration type has its own of; those are "
                + new TreeSet<>(PER_TYPE));
      }
    }
    types.forEach(this::forType);
  }

  public RetryBackoff backoff() {
    return new RetryBackoff(
        Duration.ofMillis(getLong(RETRY_BACKOFF_MS)),
        Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS)));
  }

  public Duration requestTimeout() {
    return Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS));
  }

  public Duration retryTimeout() {
    return Duration.ofMillis(getLong(RETRY_TIMEOUT_MS));
  }

  /**
   * bootstrap.servers and the {@code alertstream.kafka.*} settings, for the connector's clients.
   */
  public Map<String, Object> kafkaClients() {
    Map<String, Object> kafka = new java.util.HashMap<>(originalsWithPrefix(KAFKA_CLIENT_PREFIX));
    kafka.put("bootstrap.servers", getString(CONFIGS_BOOTSTRAP_SERVERS));
    return kafka;
  }

  /** user:password for the schema registry, or null. */
  public String registryUserInfo() {
    org.apache.kafka.common.config.types.Password info = getPassword(SCHEMA_REGISTRY_USER_INFO);
    return info == null ? null : info.value();
  }

  /** The per-tenant rates of {@link #RATE_LIMIT_OVERRIDES}. */
  public Map<String, Double> rateOverrides() {
    Map<String, Double> out = new java.util.HashMap<>();
    for (String pair : getList(RATE_LIMIT_OVERRIDES)) {
      int colon = pair.lastIndexOf(':');
      try {
        out.put(pair.substring(0, colon).strip(), Double.parseDouble(pair.substring(colon + 1)));
      } catch (RuntimeException e) {
        throw new ConfigException(
            RATE_LIMIT_OVERRIDES, pair, "expected tenant:rate, e.g. team-a:5");
      }
    }
    return out;
  }

  public RenderLimits renderLimits() {
    return new RenderLimits(
        getLong(RENDER_MAX_OUTPUT_CHARS), Duration.ofMillis(getLong(RENDER_TIMEOUT_MS)));
  }

  public Duration configWait() {
    return Duration.ofMillis(getLong(CONFIG_WAIT_MS));
  }
}
