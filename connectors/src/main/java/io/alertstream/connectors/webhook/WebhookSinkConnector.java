package io.alertstream.connectors.webhook;

import io.alertstream.connectors.ConnectorVersion;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/** Delivers {@code alertstream-notifications-webhook} as Alertmanager's webhook v4 POSTs. */
public final class WebhookSinkConnector extends SinkConnector {

  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    new WebhookSinkConfig(props);
    this.props = props;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return WebhookSinkTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return Collections.nCopies(maxTasks, props);
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return WebhookSinkConfig.DEF;
  }

  @Override
  public String version() {
    return ConnectorVersion.VERSION;
  }
}
