package io.alertstream.connectors.notify;

import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.util.List;

/**
 * What one integration type makes of a notification: the request to send, built from the settings
 * of the exact integration the notification names (its record in the tenant's config, e.g. a {@code
 * SlackConfig}) and the tenant's templates. The sink task finds the integration, sends the request
 * through its {@code Transport}, retries and records the outcome; a notifier only builds. One class
 * per type, registered in {@link Notifiers}.
 *
 * @param <C> the settings record of the integration type
 */
public interface Notifier<C> {

  /** The integration type, as notifications name it: webhook, slack, pagerduty, email. */
  String type();

  /** The class of the settings record of this type in the tenant's config. */
  Class<C> settingsType();

  /**
   * @throws Refusal when these settings can never make a request for this notification
   */
  Prepared prepare(Notification n, C settings, TemplateSet templates) throws Refusal;

  /**
   * The request to send.
   *
   * @param renderProblems settings that could not be rendered and were rendered from their default
   *     instead
   */
  record Prepared(Outbound request, List<String> renderProblems) {

    public Prepared {
      renderProblems = List.copyOf(renderProblems);
    }
  }

  /** Why a notification cannot become a request; the reason names no secret. */
  final class Refusal extends Exception {
    public Refusal(String reason) {
      super(reason);
    }
  }
}
