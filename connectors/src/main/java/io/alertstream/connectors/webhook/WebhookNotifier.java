package io.alertstream.connectors.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.WebhookConfig;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.connectors.rendering.TemplatedValues;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A webhook notification: Alertmanager's v4 JSON, POSTed to the configured URL. */
public final class WebhookNotifier implements Notifier<WebhookConfig> {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Carries the notification id, so a receiver can drop a redelivered duplicate. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public Class<WebhookConfig> settingsType() {
    return WebhookConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, WebhookConfig webhook, TemplateSet templates)
      throws Refusal {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    URI url = url(webhook, r);
    byte[] body =
        webhook.payload().isPresent()
            ? json(TemplatedValues.value(webhook.payload().get(), r, "payload"))
            : WebhookPayload.render(n, webhook.maxAlerts());
    return new Prepared(
        Outbound.HttpCall.post(
            url,
            Outbound.HttpCall.jsonHeaders(Map.of(IDEMPOTENCY_KEY, n.getId())),
            body,
            webhook.http(),
            List.of(new Secret(url.toString())),
            Outbound.AnswerCheck.NONE),
        r.problems());
  }

  /**
   * The URL, rendered when it is a template (as Alertmanager 0.31+ does); it must then be an
   * http(s) URL with a host. Neither the template nor what it gave is echoed: both may hold a
   * token.
   */
  private static URI url(WebhookConfig webhook, FieldRendering r) throws Refusal {
    if (!webhook.templatedUrl()) {
      return URI.create(webhook.url());
    }
    String rendered = r.secret("url", new Secret(webhook.url())).value().strip();
    if (rendered.isEmpty()) {
      throw new Refusal("webhook URL is empty after templating");
    }
    try {
      URI url = new URI(rendered);
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
        throw new Refusal("the templated webhook URL is not an http(s) URL with a host");
      }
      return url;
    } catch (URISyntaxException e) {
      throw new Refusal("the templated webhook URL is not a valid URL");
    }
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps, lists and scalars always encode", e);
    }
  }
}
