package io.alertstream.connectors.metrics;

import io.alertstream.connectors.ConnectorVersion;
import java.util.Map;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

/**
 * Serves {@link WorkerMetrics#shared()} at {@code GET /metrics} on the Connect worker's REST
 * listener. Enable it with the worker setting {@code
 * rest.extension.classes=io.alertstream.connectors.metrics.MetricsRestExtension}; it must come from
 * the same plugin (class loader) as the connector, so that both see one registry.
 */
public final class MetricsRestExtension implements ConnectRestExtension {

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void register(ConnectRestExtensionContext restPluginContext) {
    // The class, not an instance: Jersey takes an instance for a provider and warns.
    restPluginContext.configurable().register(MetricsResource.class);
  }

  @Override
  public String version() {
    return ConnectorVersion.VERSION;
  }

  @Override
  public void close() {}
}
