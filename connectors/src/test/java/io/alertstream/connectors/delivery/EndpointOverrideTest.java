package io.alertstream.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.receivers.HttpClientConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointOverrideTest {

  private final List<URI> called = new ArrayList<>();

  /** Records the URL of each call, answering 200; runs exchanges with a recording caller. */
  private final Transport recording =
      request ->
          request.accept(
              new Outbound.Visitor<>() {
                @Override
                public AttemptResult http(Outbound.HttpCall call) {
                  called.add(call.url());
                  return new AttemptResult.Delivered(200);
                }

                @Override
                public AttemptResult exchange(Outbound.Exchange exchange) {
                  called.add(exchange.first().url());
                  return exchange
                      .conversation()
                      .run(
                          new Outbound.Caller() {
                            @Override
                            public Outbound.Answer call(Outbound.HttpCall call) {
                              called.add(call.url());
                              return new Outbound.Answer(200, Optional.empty(), "{}");
                            }

                            @Override
                            public AttemptResult outcome(
                                Outbound.HttpCall call, Outbound.Answer answer) {
                              return new AttemptResult.Delivered(answer.status());
                            }
                          });
                }

                @Override
                public AttemptResult mail(Outbound.Mail mail) {
                  return new AttemptResult.Delivered(250);
                }
              });

  private static Outbound.HttpCall call(String url) {
    return Outbound.HttpCall.post(
        URI.create(url),
        Map.of(),
        new byte[0],
        HttpClientConfig.DEFAULT,
        List.of(),
        Outbound.AnswerCheck.NONE);
  }

  @Test
  void aCallGoesToTheOverrideWithItsOwnPathAndQuery() {
    Transport override = new EndpointOverride(recording, URI.create("http://127.0.0.1:8080/relay"));

    override.send(call("https://api.pushover.net/1/messages.json?x=1"));

    assertThat(called)
        .containsExactly(URI.create("http://127.0.0.1:8080/relay/1/messages.json?x=1"));
  }

  @Test
  void everyCallOfAnExchangeGoesToTheOverride() {
    Transport override = new EndpointOverride(recording, URI.create("http://relay.internal"));
    Outbound.HttpCall first = call("https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=c");
    Outbound.Exchange exchange =
        new Outbound.Exchange(
            first,
            caller -> {
              try {
                caller.call(first);
                return caller.outcome(
                    first, caller.call(call("https://qyapi.weixin.qq.com/cgi-bin/message/send")));
              } catch (Outbound.NoAnswer e) {
                return e.result();
              }
            });

    AttemptResult result = override.send(exchange);

    assertThat(result).isEqualTo(new AttemptResult.Delivered(200));
    assertThat(called)
        .containsExactly(
            URI.create("http://relay.internal/cgi-bin/gettoken?corpid=c"),
            URI.create("http://relay.internal/cgi-bin/gettoken?corpid=c"),
            URI.create("http://relay.internal/cgi-bin/message/send"));
  }
}
