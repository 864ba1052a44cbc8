package io.alertstream.connectors.delivery;

import java.util.List;
import java.util.Map;

/**
 * A rendered email.
 *
 * @param headers rendered headers (Subject, To, From and any others), in order
 * @param recipients the addresses of the To setting
 * @param messageId stable per notification, so a resent copy is recognisably the same message
 * @param html the HTML part; empty for none
 * @param text the plain-text part; empty for none
 */
public record MailContent(
    Map<String, String> headers,
    List<String> recipients,
    String from,
    String messageId,
    String html,
    String text) {

  public MailContent {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    recipients = List.copyOf(recipients);
  }
}
