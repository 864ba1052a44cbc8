package io.alertstream.topology.streams;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.schemas.TenantConfig;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each tenant's latest valid config in the task's store. A config that does not validate is
 * logged and ignored, so the tenant keeps running on its last good one; a tombstone removes it.
 */
final class TenantConfigProcessor implements Processor<String, TenantConfig, Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(TenantConfigProcessor.class);

  private final String storeName;
  private final ConfigParser parser = new ConfigParser();
  private KeyValueStore<String, TenantConfig> store;

  TenantConfigProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, TenantConfig> record) {
    String tenant = record.key();
    if (tenant == null) {
      return;
    }
    TenantConfig config = record.value();
    if (config == null) {
      store.delete(tenant);
      LOG.info("tenant {}: config deleted, running the fallback config", tenant);
      return;
    }
    TenantConfig current = store.get(tenant);
    if (current != null && current.getVersion() >= config.getVersion()) {
      return;
    }
    try {
      reportUnsupported(tenant, parser.parse(config.getAlertmanagerConfig()));
    } catch (InvalidConfigException e) {
      LOG.warn(
          "tenant {}: config version {} refused, keeping the last good one: {}",
          tenant,
          config.getVersion(),
          e.getMessage());
      return;
    }
    store.put(tenant, config);
    LOG.info("tenant {}: config version {} applied", tenant, config.getVersion());
  }

  /**
   * Integrations that load but are not delivered yet are said once per change, never dropped
   * silently.
   */
  private static void reportUnsupported(String tenant, AlertmanagerConfig config) {
    for (ReceiverConfig receiver : config.receivers().values()) {
      if (!receiver.unsupported().isEmpty()) {
        LOG.warn(
            "tenant {}: receiver {} has integrations Alertstream does not deliver yet: {}",
            tenant,
            receiver.name(),
            receiver.unsupported());
      }
    }
  }
}
