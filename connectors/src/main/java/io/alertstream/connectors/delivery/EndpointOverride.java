package io.alertstream.connectors.delivery;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Sends every HTTP call of one integration type to the operator's endpoint instead of the host the
 * tenant's config (or the type's fixed API address, as Pushover's) names, keeping path and query:
 * an egress relay in a network that reaches the outside only through it, or a local test server.
 * Mail is sent as it is.
 */
public final class EndpointOverride implements Transport {

  private final Transport delegate;
  private final URI endpoint;

  /**
   * @param endpoint {@code scheme://host[:port]}; any path of it is put before the call's own
   */
  public EndpointOverride(Transport delegate, URI endpoint) {
    if (endpoint.getScheme() == null || endpoint.getHost() == null) {
      throw new IllegalArgumentException("endpoint override needs a scheme and a host");
    }
    this.delegate = delegate;
    this.endpoint = endpoint;
  }

  @Override
  public AttemptResult send(Outbound request) {
    return delegate.send(
        request.accept(
            new Outbound.Visitor<Outbound>() {
              @Override
              public Outbound http(Outbound.HttpCall call) {
                return redirected(call);
              }

              @Override
              public Outbound exchange(Outbound.Exchange exchange) {
                return new Outbound.Exchange(
                    redirected(exchange.first()),
                    caller -> exchange.conversation().run(redirecting(caller)));
              }

              @Override
              public Outbound mail(Outbound.Mail mail) {
                return mail;
              }
            }));
  }

  private Outbound.Caller redirecting(Outbound.Caller caller) {
    return new Outbound.Caller() {
      @Override
      public Outbound.Answer call(Outbound.HttpCall call) throws Outbound.NoAnswer {
        return caller.call(redirected(call));
      }

      @Override
      public AttemptResult outcome(Outbound.HttpCall call, Outbound.Answer answer) {
        return caller.outcome(call, answer);
      }
    };
  }

  Outbound.HttpCall redirected(Outbound.HttpCall call) {
    URI original = call.url();
    String basePath = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    String path = original.getRawPath() == null ? "" : original.getRawPath();
    String query = original.getRawQuery() == null ? "" : "?" + original.getRawQuery();
    String authority =
        endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
    try {
      URI url = new URI(endpoint.getScheme() + "://" + authority + basePath + path + query);
      return new Outbound.HttpCall(
          call.method(),
          url,
          call.headers(),
          call.body(),
          call.http(),
          call.secrets(),
          call.answerCheck());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("endpoint override gives no valid URL", e);
    }
  }
}
