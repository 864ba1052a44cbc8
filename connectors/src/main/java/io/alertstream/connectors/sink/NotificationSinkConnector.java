package io.alertstream.connectors.sink;

import io.alertstream.connectors.ConnectorVersion;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.sink.SinkConnector;

/** What every Alertstream sink connector shares: the settings and how tasks are configured. */
public abstract class NotificationSinkConnector extends SinkConnector {

  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    new NotificationSinkConfig(props);
    this.props = props;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return Collections.nCopies(maxTasks, props);
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return NotificationSinkConfig.DEF;
  }

  @Override
  public String version() {
    return ConnectorVersion.VERSION;
  }
}
