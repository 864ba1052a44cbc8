package io.alertstream.local;

import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.topology.auth.TenantCredentials;
import io.alertstream.topology.server.RunUntilStopped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./alertstream local}: starts the whole system on its embedded defaults and runs until
 * Ctrl-C. Settings are system properties ({@code -Dalertstream.data.dir=...}); see the README.
 */
public final class LocalLauncher {

  private static final Logger LOG = LoggerFactory.getLogger("alertstream");

  private LocalLauncher() {}

  public static void main(String[] args) throws Exception {
    LocalSettings settings =
        new LocalSettings(
            Path.of(prop("alertstream.data.dir", "data")),
            intProp("alertstream.kafka.port", LocalSettings.DEFAULT_BROKER_PORT),
            intProp("alertstream.controller.port", LocalSettings.DEFAULT_CONTROLLER_PORT),
            intProp("alertstream.registry.port", LocalSettings.DEFAULT_REGISTRY_PORT),
            intProp("alertstream.api.port", LocalSettings.DEFAULT_API_PORT),
            intProp("alertstream.connect.port", LocalSettings.DEFAULT_CONNECT_PORT),
            intProp("alertstream.inbox.port", LocalSettings.DEFAULT_INBOX_PORT),
            Path.of(
                prop(
                    "alertstream.registry.jar",
                    "deploy/local/target/registry/registry-runner.jar")),
            Path.of(prop("alertstream.tenants.dir", "deploy/local/tenants")),
            intProp("alertstream.partitions", 6),
            Map.of(),
            Boolean.parseBoolean(prop("alertstream.delivery.live", "false"))
                ? Set.of()
                : LocalSettings.CREDENTIAL_TYPES,
            new TenantLimits(
                    intProp("alertstream.limits.max-config-size-bytes", 0),
                    intProp("alertstream.limits.max-templates-count", 0),
                    intProp("alertstream.limits.max-template-size-bytes", 0))
                .withState(
                    intProp("alertstream.limits.max-alerts-count", 0),
                    intProp("alertstream.limits.max-alerts-size-bytes", 0),
                    intProp("alertstream.limits.max-aggregation-groups", 0),
                    intProp("alertstream.limits.max-silences-count", 0)),
            credentials(prop("alertstream.auth.file", "")));
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

  private static Optional<TenantCredentials> credentials(String file) throws IOException {
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(TenantCredentials.load(Path.of(file)));
  }

  private static String prop(String name, String fallback) {
    return System.getProperty(name, fallback);
  }

  private static int intProp(String name, int fallback) {
    return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
  }
}
