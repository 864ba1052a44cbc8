package io.alertstream.config.receivers;

import java.util.Map;
import java.util.Optional;

/**
 * One {@code email_configs} entry, global smtp_* defaults applied.
 *
 * @param smarthost {@code host:port}
 * @param headers header templates; Subject, To and From always present
 * @param tls {@code tls_config}, or the global {@code smtp_tls_config}
 * @param forceImplicitTls {@code force_implicit_tls} (or {@code smtp_force_implicit_tls}): true for
 *     a TLS connection from the start, false for none (STARTTLS as require_tls says); empty to
 *     decide by the port (465 is implicit TLS)
 * @param threadBy with {@code threading.enabled}: {@code none} (one thread per group) or {@code
 *     daily} (one per group and day); empty without threading
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
    Map<String, String> headers,
    TlsConfig tls,
    Optional<Boolean> forceImplicitTls,
    Optional<String> threadBy) {

  public EmailConfig {
    headers = Map.copyOf(headers);
  }

  /** Without threading. */
  public EmailConfig(
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
      Map<String, String> headers,
      TlsConfig tls,
      Optional<Boolean> forceImplicitTls) {
    this(
        to,
        from,
        smarthost,
        hello,
        authUsername,
        authPassword,
        authSecret,
        authIdentity,
        requireTls,
        sendResolved,
        html,
        text,
        headers,
        tls,
        forceImplicitTls,
        Optional.empty());
  }

  /** Whether the connection is TLS from the start: as set, else on port 465. */
  public boolean implicitTls() {
    return forceImplicitTls.orElseGet(() -> smarthost.endsWith(":465"));
  }
}
