package io.alertstream.connectors.notify;

import io.alertstream.config.receivers.Integration;
import io.alertstream.connectors.discord.DiscordNotifier;
import io.alertstream.connectors.email.EmailNotifier;
import io.alertstream.connectors.incidentio.IncidentioNotifier;
import io.alertstream.connectors.jira.JiraNotifier;
import io.alertstream.connectors.mattermost.MattermostNotifier;
import io.alertstream.connectors.msteams.MsteamsNotifier;
import io.alertstream.connectors.msteamsv2.Msteamsv2Notifier;
import io.alertstream.connectors.opsgenie.OpsgenieNotifier;
import io.alertstream.connectors.pagerduty.PagerdutyNotifier;
import io.alertstream.connectors.pushover.PushoverNotifier;
import io.alertstream.connectors.rocketchat.RocketchatNotifier;
import io.alertstream.connectors.slack.SlackNotifier;
import io.alertstream.connectors.sns.SnsNotifier;
import io.alertstream.connectors.telegram.TelegramNotifier;
import io.alertstream.connectors.victorops.VictoropsNotifier;
import io.alertstream.connectors.webex.WebexNotifier;
import io.alertstream.connectors.webhook.WebhookNotifier;
import io.alertstream.connectors.wechat.WechatNotifier;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The notifier of each integration type: the one place a type is registered. */
public final class Notifiers {

  /** Every integration type Alertstream delivers to, in Alertmanager's order. */
  public static final Notifiers ALL =
      new Notifiers(
          List.of(
              new WebhookNotifier(),
              new EmailNotifier(),
              new PagerdutyNotifier(),
              new OpsgenieNotifier(),
              new WechatNotifier(),
              new SlackNotifier(),
              new VictoropsNotifier(),
              new PushoverNotifier(),
              new SnsNotifier(),
              new TelegramNotifier(),
              new DiscordNotifier(),
              new WebexNotifier(),
              new MsteamsNotifier(),
              new Msteamsv2Notifier(),
              new JiraNotifier(),
              new IncidentioNotifier(),
              new RocketchatNotifier(),
              new MattermostNotifier()));

  private final Map<String, Notifier<?>> byType;

  /**
   * @throws IllegalArgumentException when two notifiers claim one type
   */
  public Notifiers(List<Notifier<?>> notifiers) {
    Map<String, Notifier<?>> map = new LinkedHashMap<>();
    for (Notifier<?> notifier : notifiers) {
      if (map.putIfAbsent(notifier.type(), notifier) != null) {
        throw new IllegalArgumentException("two notifiers for type " + notifier.type());
      }
    }
    this.byType = Collections.unmodifiableMap(map);
  }

  /** The notifier of the type, if there is one. */
  public Optional<Notifier<?>> forType(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** The registered types, in registration order. */
  public Set<String> types() {
    return byType.keySet();
  }

  /**
   * Builds the request for an integration with the notifier of its type.
   *
   * @throws Notifier.Refusal when the integration is not of the notifier's type, or the notifier
   *     refuses
   */
  public static <C> Notifier.Prepared prepare(
      Notifier<C> notifier, Notification n, Integration integration, TemplateSet templates)
      throws Notifier.Refusal {
    if (!notifier.type().equals(integration.type())
        || !notifier.settingsType().isInstance(integration.settings())) {
      throw new Notifier.Refusal(
          "integration "
              + integration.id()
              + " is of type "
              + integration.type()
              + ", not "
              + notifier.type());
    }
    return notifier.prepare(n, integration.settings(notifier.settingsType()), templates);
  }
}
