package io.alertstream.connectors.delivery;

/** The production transport: HTTP POSTs through {@link JdkHttpSender}, mail through SMTP. */
public final class NetworkTransport implements Transport {

  private final Outbound.Visitor<AttemptResult> senders;

  public NetworkTransport(JdkHttpSender http, SmtpSender smtp) {
    this.senders =
        new Outbound.Visitor<>() {
          @Override
          public AttemptResult httpPost(Outbound.HttpPost post) {
            return http.post(post);
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
