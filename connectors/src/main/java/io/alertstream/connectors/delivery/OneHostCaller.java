package io.alertstream.connectors.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * The caller of an {@link Outbound.Exchange}: sends through the HTTP sender, and only to the host
 * the egress rule checked, so that no answer can lead a conversation elsewhere.
 */
final class OneHostCaller implements Outbound.Caller {

  private final JdkHttpSender http;
  private final String host;
  private final List<Outbound.HttpCall> calls = new ArrayList<>();

  OneHostCaller(JdkHttpSender http, String host) {
    this.http = http;
    this.host = host;
  }

  @Override
  public Outbound.Answer call(Outbound.HttpCall call) throws Outbound.NoAnswer {
    if (!host.equalsIgnoreCase(call.host())) {
      throw new Outbound.NoAnswer(
          new AttemptResult.Failed(
              "the exchange with " + host + " tried to call another host; refused"));
    }
    calls.add(call);
    return http.answer(call);
  }

  /** The calls made so far, whose secrets and URLs the exchange's failure reason must not show. */
  List<Outbound.HttpCall> calls() {
    return calls;
  }

  @Override
  public AttemptResult outcome(Outbound.HttpCall call, Outbound.Answer answer) {
    return http.outcome(call, answer);
  }
}
