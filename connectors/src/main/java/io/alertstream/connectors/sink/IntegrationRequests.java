package io.alertstream.connectors.sink;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.util.List;
import java.util.function.Function;

/** Turns a notification into the request one integration type sends, from the tenant's config. */
public interface IntegrationRequests {

  /** webhook, slack, pagerduty or email. */
  String type();

  /**
   * @throws Refusal when the tenant's config no longer has the integration, or it cannot be used
   */
  Prepared prepare(Notification n, AlertmanagerConfig config, TemplateSet templates) throws Refusal;

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

  /** The notification's integration settings in the tenant's config. */
  static <C> C find(
      Notification n,
      AlertmanagerConfig config,
      Function<ReceiverConfig, List<C>> ofType,
      String section)
      throws Refusal {
    var receiver = config.receiver(n.getReceiver());
    if (receiver.isEmpty()) {
      throw new Refusal(
          "receiver \""
              + n.getReceiver()
              + "\" is no longer in tenant "
              + n.getTenant()
              + "'s config");
    }
    List<C> all = ofType.apply(receiver.get());
    int index = n.getIntegration().getIndex();
    if (index < 0 || index >= all.size()) {
      throw new Refusal(
          "receiver \"" + n.getReceiver() + "\" has no " + section + "[" + index + "] any more");
    }
    return all.get(index);
  }
}
