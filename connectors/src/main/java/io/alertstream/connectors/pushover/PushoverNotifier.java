package io.alertstream.connectors.pushover;

import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.pushover.PushoverConfig;
import io.alertstream.connectors.ConnectorVersion;
import io.alertstream.connectors.delivery.GoUrlValues;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.GoText;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Pushover message as Alertmanager makes it: the title, message and URL cut to Pushover's limits,
 * the priority (emergency while firing by default) with its retry and expiry, posted as a form to
 * the Messages API.
 */
public final class PushoverNotifier implements Notifier<PushoverConfig> {

  /** The Messages API. */
  public static final URI API_URL = URI.create("https://api.pushover.net/1/messages.json");

  /** Pushover's limits, in runes. */
  static final int MAX_TITLE_RUNES = 250;

  static final int MAX_MESSAGE_RUNES = 1024;
  static final int MAX_URL_RUNES = 512;

  /** Alertmanager retries only 5xx answers from Pushover; a 429 (quota used up) fails. */
  static final Outbound.AnswerCheck CHECK = Outbound.AnswerCheck.retrying();

  private final URI apiUrl;

  public PushoverNotifier() {
    this(API_URL);
  }

  /** A notifier posting elsewhere (tests). */
  PushoverNotifier(URI apiUrl) {
    this.apiUrl = apiUrl;
  }

  @Override
  public String type() {
    return "pushover";
  }

  @Override
  public Class<PushoverConfig> settingsType() {
    return PushoverConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, PushoverConfig po, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    Secret token = r.secret("token", po.token());
    Secret user = r.secret("user_key", po.userKey());
    // Go's url.Values.Encode sorts the parameters by name.
    Map<String, String> form = new TreeMap<>();
    form.put("token", token.value());
    form.put("user", user.value());
    form.put(
        "title",
        GoText.truncateInRunes(
            r.field("title", po.title(), "{{ template \"pushover.default.title\" . }}"),
            MAX_TITLE_RUNES));
    String defaultMessage = "{{ template \"pushover.default.message\" . }}";
    String message;
    if (po.html()) {
      form.put("html", "1");
      message = r.html("message", po.message(), defaultMessage);
    } else {
      message = r.field("message", po.message(), defaultMessage);
    }
    if (po.monospace()) {
      form.put("monospace", "1");
    }
    message = GoText.truncateInRunes(message, MAX_MESSAGE_RUNES).strip();
    form.put("message", message.isEmpty() ? "(no details)" : message);
    form.put(
        "url",
        GoText.truncateInRunes(
            r.field("url", po.url(), "{{ template \"pushover.default.url\" . }}"), MAX_URL_RUNES));
    form.put("url_title", r.field("url_title", po.urlTitle(), ""));
    form.put("priority", r.field("priority", po.priority(), ""));
    form.put("retry", Long.toString(seconds(po.retry())));
    form.put("expire", Long.toString(seconds(po.expire())));
    form.put("device", r.field("device", po.device(), ""));
    form.put("sound", r.field("sound", po.sound(), ""));
    if (seconds(po.ttl()) > 0) {
      form.put("ttl", Long.toString(seconds(po.ttl())));
    }
    return new Prepared(
        Outbound.HttpCall.post(
            apiUrl,
            Map.of(
                "Content-Type",
                "application/x-www-form-urlencoded",
                "User-Agent",
                "Alertstream/" + ConnectorVersion.VERSION),
            GoUrlValues.encode(form).getBytes(StandardCharsets.UTF_8),
            po.http(),
            secrets(token, user),
            CHECK),
        r.problems());
  }

  /** The keys, and their form-escaped forms where these differ, so that records mask both. */
  private static List<Secret> secrets(Secret... keys) {
    List<Secret> out = new java.util.ArrayList<>();
    for (Secret key : keys) {
      out.add(key);
      String escaped = GoUrlValues.escape(key.value());
      if (!escaped.equals(key.value())) {
        out.add(new Secret(escaped));
      }
    }
    return out;
  }

  /** Whole seconds, cut toward zero as Go's {@code int64(d.Seconds())}. */
  static long seconds(Duration d) {
    return d.getSeconds() < 0 && d.getNano() > 0 ? d.getSeconds() + 1 : d.getSeconds();
  }
}
