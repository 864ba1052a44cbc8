package io.alertstream.topology.streams;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.dispatch.ImmediateDispatch;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Turns an accepted alert into notifications under its tenant's current config. */
final class DispatchProcessor implements Processor<String, AlertEvent, String, Notification> {

  private final String configStoreName;
  private final ImmediateDispatch dispatch;
  private final ConfigParser parser = new ConfigParser();
  private final Map<String, ParsedConfig> parsed = new HashMap<>();
  private ProcessorContext<String, Notification> context;
  private KeyValueStore<String, TenantConfig> configs;

  private final AlertmanagerConfig fallback;

  DispatchProcessor(
      String configStoreName, ImmediateDispatch dispatch, AlertmanagerConfig fallback) {
    this.configStoreName = configStoreName;
    this.dispatch = dispatch;
    this.fallback = fallback;
  }

  private record ParsedConfig(long version, AlertmanagerConfig config) {}

  @Override
  public void init(ProcessorContext<String, Notification> context) {
    this.context = context;
    this.configs = context.getStateStore(configStoreName);
  }

  @Override
  public void process(Record<String, AlertEvent> record) {
    String tenant = record.key();
    TenantConfig stored = configs.get(tenant);
    // A tenant without a config runs the fallback config, as in Mimir.
    AlertmanagerConfig config = stored == null ? fallback : parsed(tenant, stored);
    long version = stored == null ? 0 : stored.getVersion();
    String sourceId =
        context
            .recordMetadata()
            .map(m -> m.topic() + '-' + m.partition() + '@' + m.offset())
            .orElse(Long.toString(record.timestamp()));
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    for (Notification n :
        dispatch.dispatch(tenant, version, config, record.value(), now, sourceId)) {
      context.forward(new Record<>(tenant, n, now.toEpochMilli()));
    }
  }

  private AlertmanagerConfig parsed(String tenant, TenantConfig stored) {
    ParsedConfig cached = parsed.get(tenant);
    if (cached != null && cached.version() == stored.getVersion()) {
      return cached.config();
    }
    try {
      AlertmanagerConfig config = parser.parse(stored.getAlertmanagerConfig());
      parsed.put(tenant, new ParsedConfig(stored.getVersion(), config));
      return config;
    } catch (InvalidConfigException e) {
      // Only validated configs are stored, so this means the parser changed under stored data.
      throw new IllegalStateException(
          "tenant "
              + tenant
              + ": stored config version "
              + stored.getVersion()
              + " no longer parses",
          e);
    }
  }
}
