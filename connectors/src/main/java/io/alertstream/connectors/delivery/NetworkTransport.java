package io.alertstream.connectors.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * The production transport: HTTP calls and exchanges through {@link JdkHttpSender}, mail through
 * SMTP.
 */
public final class NetworkTransport implements Transport {

  private final Outbound.Visitor<AttemptResult> senders;

  public NetworkTransport(JdkHttpSender http, SmtpSender smtp) {
    this.senders =
        new Outbound.Visitor<>() {
          @Override
          public AttemptResult http(Outbound.HttpCall call) {
            return http.send(call);
          }

          @Override
          public AttemptResult exchange(Outbound.Exchange exchange) {
            OneHostCaller caller = new OneHostCaller(http, exchange.host());
            AttemptResult result = exchange.conversation().run(caller);
            List<Outbound.HttpCall> calls = new ArrayList<>(caller.calls());
            calls.add(exchange.first());
            return FailureReasons.sanitized(result, calls);
          }

          @Override
          public AttemptResult mail(Outbound.Mail mail) {
            return smtp.send(mail);
          }
        };
  }

  @Override
  public AttemptResult send(Outbound request) {
    return request.accept(senders);
  }
}
