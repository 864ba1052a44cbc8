package io.alertstream.connectors.webhook;

import io.alertstream.connectors.delivery.RetryBackoff;
import io.alertstream.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the webhook sink. Endpoints and secrets come from the tenants' configs instead. */
public final class WebhookSinkConfig extends AbstractConfig {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String CONFIGS_BOOTSTRAP_SERVERS = "alertstream.configs.bootstrap.servers";
  public static final String CONFIGS_TOPIC = "alertstream.configs.topic";
  public static final String CONFIG_WAIT_MS = "alertstream.config.wait.ms";
  public static final String MAX_RETRIES = "delivery.max.retries";
  public static final String RETRY_BACKOFF_MS = "delivery.retry.backoff.ms";
  public static final String RETRY_BACKOFF_MAX_MS = "delivery.retry.backoff.max.ms";
  public static final String REQUEST_TIMEOUT_MS = "delivery.request.timeout.ms";

  private static final String GROUP_SOURCES = "Alertstream";
  private static final String GROUP_DELIVERY = "Delivery";

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
              30_000L,
              Range.atLeast(0),
              Importance.LOW,
              "How long to wait for the config version a notification was made under before retrying.",
              GROUP_SOURCES,
              4,
              ConfigDef.Width.SHORT,
              "Config wait")
          .define(
              MAX_RETRIES,
              Type.INT,
              8,
              Range.atLeast(0),
              Importance.MEDIUM,
              "Retries of a 429, 5xx or network failure before the notification goes to the DLQ.",
              GROUP_DELIVERY,
              1,
              ConfigDef.Width.SHORT,
              "Max retries")
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
              "Request timeout");

  public WebhookSinkConfig(Map<String, String> props) {
    super(DEF, props);
  }

  public RetryBackoff backoff() {
    return new RetryBackoff(
        Duration.ofMillis(getLong(RETRY_BACKOFF_MS)),
        Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS)));
  }

  public Duration requestTimeout() {
    return Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS));
  }

  public Duration configWait() {
    return Duration.ofMillis(getLong(CONFIG_WAIT_MS));
  }
}
