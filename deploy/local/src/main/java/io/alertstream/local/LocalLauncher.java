package io.alertstream.local;

import io.alertstream.api.auth.TenantCredentials;
import io.alertstream.api.server.RunUntilStopped;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.config.yaml.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./alertstream local}: starts the whole system on its embedded defaults and runs until
 * Ctrl-C. Settings are system properties ({@code -Dalertstream.data.dir=...}), listed by {@code
 * --help} and in the README. Every tenant is delivered for real unless its config puts it in dry
 * run; the example tenants do, as their Slack, PagerDuty and email settings are placeholders.
 */
public final class LocalLauncher {

  private static final Logger LOG = LoggerFactory.getLogger("alertstream");

  private LocalLauncher() {}

  /** A {@code -D} setting of {@code ./alertstream local}: its name, default and what it does. */
  record Property(String name, String defaultValue, String what) {}

  /** The settings, in the order {@code --help} lists them; they are read with these defaults. */
  static final List<Property> PROPERTIES =
      List.of(
          new Property(
              "alertstream.data.dir",
              "data",
              "broker log, registry database, Streams state, Connect offsets"),
          new Property(
              "alertstream.kafka.port",
              Integer.toString(LocalSettings.DEFAULT_BROKER_PORT),
              "broker listener"),
          new Property(
              "alertstream.controller.port",
              Integer.toString(LocalSettings.DEFAULT_CONTROLLER_PORT),
              "KRaft controller listener"),
          new Property(
              "alertstream.registry.port",
              Integer.toString(LocalSettings.DEFAULT_REGISTRY_PORT),
              "schema registry (/apis/ccompat/v7)"),
          new Property(
              "alertstream.api.port",
              Integer.toString(LocalSettings.DEFAULT_API_PORT),
              "Alertmanager API v2 (also under /alertmanager), config API, web UI"),
          new Property(
              "alertstream.connect.port",
              Integer.toString(LocalSettings.DEFAULT_CONNECT_PORT),
              "Kafka Connect REST API"),
          new Property(
              "alertstream.inbox.port",
              Integer.toString(LocalSettings.DEFAULT_INBOX_PORT),
              "the local webhook inbox (the example tenants point at 9095)"),
          new Property(
              "alertstream.tenants.dir",
              "deploy/local/tenants",
              "<tenant>.yml configs (and <tenant>.alertstream.yml settings) loaded at start"),
          new Property("alertstream.partitions", "6", "partitions of each topic"),
          new Property(
              "alertstream.auth.file",
              "",
              "per-tenant credentials ('tenant: <hash>' lines); set, the API requires them"),
          new Property("alertstream.limits.max-config-size-bytes", "0", "Mimir's limit (0: none)"),
          new Property("alertstream.limits.max-templates-count", "0", "Mimir's limit (0: none)"),
          new Property(
              "alertstream.limits.max-template-size-bytes", "0", "Mimir's limit (0: none)"),
          new Property("alertstream.limits.max-alerts-count", "0", "Mimir's limit (0: none)"),
          new Property("alertstream.limits.max-alerts-size-bytes", "0", "Mimir's limit (0: none)"),
          new Property("alertstream.limits.max-aggregation-groups", "0", "Mimir's limit (0: none)"),
          new Property("alertstream.limits.max-silences-count", "0", "Mimir's limit (0: none)"),
          new Property(
              "alertstream.limits.max-silence-duration",
              "0",
              "longest a silence may last, e.g. 30d (0: none)"),
          new Property(
              "alertstream.limits.max-silence-matchers-count",
              "0",
              "most matchers one silence may have (0: none)"),
          new Property(
              "alertstream.limits.overrides-file",
              "",
              "per-tenant limits in Mimir's overrides format, re-read every 10 s"),
          new Property(
              "alertstream.silences.until-resolved-grace",
              "5m",
              "how long a silence until resolved waits after its alerts resolved (1s to 30m)"));

  /** The property that put whole integration types in dry run before dry run was per tenant. */
  static final String RETIRED_DELIVERY_LIVE = "alertstream.delivery.live";

  /** {@code ./alertstream local --help}: what it starts and its settings, from PROPERTIES. */
  static String usage() {
    StringBuilder out =
        new StringBuilder(
            "usage: ./alertstream local\n\n"
                + "Starts Alertstream with everything embedded: a KRaft broker, the schema"
                + " registry, the topology\nand API, Kafka Connect with the sinks and a webhook"
                + " inbox; Ctrl-C stops it. Settings are Java\nsystem properties in"
                + " ALERTSTREAM_OPTS, e.g."
                + " ALERTSTREAM_OPTS=\"-Dalertstream.api.port=19093\".\n"
                + "Tenants in dry run (alertstream: {dry_run: ...} in the config API's body) have"
                + " their requests\nrecorded, not sent: see them at the inbox's /dry-run page.\n\n");
    int width = PROPERTIES.stream().mapToInt(p -> p.name().length()).max().orElse(0);
    for (Property p : PROPERTIES) {
      out.append(
          String.format(
              "  -D%-" + width + "s  %-20s  %s%n",
              p.name(),
              p.defaultValue().isEmpty() ? "(none)" : p.defaultValue(),
              p.what()));
    }
    return out.toString();
  }

  public static void main(String[] args) throws Exception {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.print(usage());
        return;
      }
      System.err.println("alertstream local: unknown argument '" + arg + "'");
      System.err.print(usage());
      System.exit(2);
    }
    if (System.getProperty(RETIRED_DELIVERY_LIVE) != null) {
      LOG.warn(
          "{} is no longer used: every tenant is delivered for real unless its config puts it in"
              + " dry run (alertstream: {dry_run: ...} in the config API's body, or"
              + " <tenant>.alertstream.yml beside an example tenant)",
          RETIRED_DELIVERY_LIVE);
    }
    LocalSettings settings =
        new LocalSettings(
            Path.of(prop("alertstream.data.dir")),
            intProp("alertstream.kafka.port"),
            intProp("alertstream.controller.port"),
            intProp("alertstream.registry.port"),
            intProp("alertstream.api.port"),
            intProp("alertstream.connect.port"),
            intProp("alertstream.inbox.port"),
            Path.of(
                System.getProperty(
                    "alertstream.registry.jar",
                    "deploy/local/target/registry/registry-runner.jar")),
            Path.of(prop("alertstream.tenants.dir")),
            intProp("alertstream.partitions"),
            Map.of(),
            new TenantLimits(
                    intProp("alertstream.limits.max-config-size-bytes"),
                    intProp("alertstream.limits.max-templates-count"),
                    intProp("alertstream.limits.max-template-size-bytes"))
                .withState(
                    intProp("alertstream.limits.max-alerts-count"),
                    intProp("alertstream.limits.max-alerts-size-bytes"),
                    intProp("alertstream.limits.max-aggregation-groups"),
                    intProp("alertstream.limits.max-silences-count"))
                .withSilenceLimits(
                    durationProp("alertstream.limits.max-silence-duration"),
                    intProp("alertstream.limits.max-silence-matchers-count")),
            credentials(prop("alertstream.auth.file")),
            durationProp("alertstream.silences.until-resolved-grace"),
            Optional.of(prop("alertstream.limits.overrides-file"))
                .filter(f -> !f.isEmpty())
                .map(Path::of));
    LocalStack stack;
    try {
      stack = LocalStack.start(settings);
    } catch (Exception e) {
      LOG.error("could not start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    RunUntilStopped.await(stack, LOG, "Alertstream is running; Ctrl-C stops it");
  }

  /** A Prometheus duration such as 30d or 5m; 0 is none. */
  private static Duration durationProp(String name) {
    String text = prop(name);
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    try {
      return Durations.parse(text);
    } catch (InvalidConfigException e) {
      throw new IllegalArgumentException(
          name + ": '" + text + "' is not a duration such as 30d or 5m", e);
    }
  }

  private static Optional<TenantCredentials> credentials(String file) throws IOException {
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(TenantCredentials.load(Path.of(file)));
  }

  private static String prop(String name) {
    Property p =
        PROPERTIES.stream()
            .filter(q -> q.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no property " + name));
    return System.getProperty(name, p.defaultValue());
  }

  private static int intProp(String name) {
    return Integer.parseInt(prop(name));
  }
}
