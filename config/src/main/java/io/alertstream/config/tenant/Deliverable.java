package io.alertstream.config.tenant;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.ReceiverConfig;
import java.util.Map;

/**
 * Refuses a config that names an integration type Alertstream does not deliver, with the reason,
 * instead of accepting it and never sending what it routes there.
 */
public final class Deliverable {

  private Deliverable() {}

  /**
   * @throws InvalidConfigException naming the first receiver's field of a type not delivered
   */
  public static void require(AlertmanagerConfig config) throws InvalidConfigException {
    int index = 0;
    for (ReceiverConfig receiver : config.receivers().values()) {
      for (Map.Entry<String, Integer> type : receiver.unsupported().entrySet()) {
        throw new InvalidConfigException(
            "receivers[" + index + "]." + type.getKey() + "_configs",
            "receiver \""
                + receiver.name()
                + "\": Alertstream does not deliver "
                + type.getKey()
                + " notifications yet (it delivers "
                + String.join(", ", TenantSettings.INTEGRATION_TYPES)
                + "), so nothing routed there would be sent");
      }
      index++;
    }
  }
}
