package io.alertstream.config.receivers;

import io.alertstream.config.receivers.discord.DiscordIntegration;
import io.alertstream.config.receivers.incidentio.IncidentioIntegration;
import io.alertstream.config.receivers.jira.JiraIntegration;
import io.alertstream.config.receivers.mattermost.MattermostIntegration;
import io.alertstream.config.receivers.msteams.MsteamsIntegration;
import io.alertstream.config.receivers.msteamsv2.Msteamsv2Integration;
import io.alertstream.config.receivers.opsgenie.OpsgenieIntegration;
import io.alertstream.config.receivers.pushover.PushoverIntegration;
import io.alertstream.config.receivers.rocketchat.RocketchatIntegration;
import io.alertstream.config.receivers.sns.SnsIntegration;
import io.alertstream.config.receivers.telegram.TelegramIntegration;
import io.alertstream.config.receivers.victorops.VictoropsIntegration;
import io.alertstream.config.receivers.webex.WebexIntegration;
import io.alertstream.config.receivers.wechat.WechatIntegration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every integration type Alertstream reads and delivers, in Alertmanager's order (the order a
 * receiver's integrations are listed and notified in): the one place a type is registered on the
 * config side. The connectors register each type's notifier in theirs; a test holds the two equal.
 */
public final class IntegrationTypes {

  /** Every type. */
  public static final IntegrationTypes ALL =
      new IntegrationTypes(
          List.of(
              ReceiverParser.WEBHOOK,
              ReceiverParser.EMAIL,
              ReceiverParser.PAGERDUTY,
              new OpsgenieIntegration(),
              new WechatIntegration(),
              ReceiverParser.SLACK,
              new VictoropsIntegration(),
              new PushoverIntegration(),
              new SnsIntegration(),
              new TelegramIntegration(),
              new DiscordIntegration(),
              new WebexIntegration(),
              new MsteamsIntegration(),
              new Msteamsv2Integration(),
              new JiraIntegration(),
              new IncidentioIntegration(),
              new RocketchatIntegration(),
              new MattermostIntegration()));

  private final Map<String, IntegrationType<?>> byType;

  /**
   * @throws IllegalArgumentException when two entries claim one type
   */
  public IntegrationTypes(List<IntegrationType<?>> types) {
    Map<String, IntegrationType<?>> map = new LinkedHashMap<>();
    for (IntegrationType<?> type : types) {
      if (map.putIfAbsent(type.type(), type) != null) {
        throw new IllegalArgumentException("two integration types named " + type.type());
      }
    }
    this.byType = Collections.unmodifiableMap(map);
  }

  /** The types, in Alertmanager's order. */
  public List<IntegrationType<?>> all() {
    return List.copyOf(byType.values());
  }

  /** The type names, in Alertmanager's order. */
  public List<String> names() {
    return List.copyOf(byType.keySet());
  }

  /** The receiver keys of all types ({@code webhook_configs}, ...). */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    byType.values().forEach(t -> keys.add(t.key()));
    return keys;
  }

  /** The {@code global} keys all types read. */
  public List<String> globalKeys() {
    List<String> keys = new ArrayList<>();
    byType.values().forEach(t -> keys.addAll(t.globalKeys()));
    return keys;
  }
}
