package io.alertstream.config.receivers;

import java.util.Map;

/**
 * One {@code email_configs} entry, global smtp_* defaults applied.
 *
 * @param smarthost {@code host:port}
 * @param headers header templates; Subject, To and From always present
 */
public record EmailConfig(
    String to,
    String from,
    String smarthost,
    String hello,
    String authUsername,
    Secret authPassword,
    Secret authSecret,
    String authIdentity,
    boolean requireTls,
    boolean sendResolved,
    String html,
    String text,
    Map<String, String> headers) {

  public EmailConfig {
    headers = Map.copyOf(headers);
  }
}
