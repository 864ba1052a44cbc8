package io.alertstream.connectors.sink;

import io.alertstream.connectors.ConnectorVersion;
import io.alertstream.connectors.notify.Notifiers;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Alertstream's sink connector: delivers the notifications of any set of topics ({@code topics} or
 * {@code topics.regex}), each by its own integration type, to exactly the integration it names. One
 * connector may read every notification topic, or an operator may run one per topic; settings can
 * differ per integration type ({@code integration.<type>.<setting>}).
 */
public final class NotificationSinkConnector extends SinkConnector {

  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    new NotificationSinkConfig(props).checkTypeSettings(Notifiers.ALL.types());
    this.props = props;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return NotificationSinkTask.class;
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
