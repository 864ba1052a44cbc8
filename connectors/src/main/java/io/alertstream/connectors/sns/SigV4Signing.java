package io.alertstream.connectors.sns;

import io.alertstream.config.receivers.Secret;
import io.alertstream.connectors.ConnectorVersion;
import io.alertstream.connectors.delivery.Outbound;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs a call with AWS Signature Version 4 (the AWS SDK's signer) at the moment it is sent, so
 * that every attempt carries a fresh date. The HTTP client sets Host and Content-Length itself,
 * from the same URL and body the signature covers.
 */
final class SigV4Signing {

  /** Headers the JDK's HTTP client writes itself and refuses from callers. */
  private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length");

  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private SigV4Signing() {}

  /**
   * The call, signed for the service and region with the credentials: the signature goes in the
   * Authorization header, the date (and a session token) in X-Amz-* headers.
   */
  static Outbound.HttpCall sign(
      Outbound.HttpCall call,
      String service,
      String region,
      AwsCredentialsIdentity credentials,
      Clock clock) {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(call.method())).uri(call.url());
    call.headers().forEach(request::putHeader);
    SignedRequest signed =
        SIGNER.sign(
            r ->
                r.identity(credentials)
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(call.body()))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    Map<String, String> headers = new LinkedHashMap<>();
    String authorization = null;
    for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if ("authorization".equals(name)) {
        authorization = String.join(",", h.getValue());
      } else if (!SET_BY_CLIENT.contains(name)) {
        headers.put(h.getKey(), String.join(",", h.getValue()));
      }
    }
    headers.put("User-Agent", "Alertstream/" + ConnectorVersion.VERSION);
    List<Secret> secrets = new ArrayList<>(call.secrets());
    if (credentials instanceof AwsSessionCredentialsIdentity session) {
      secrets.add(new Secret(session.sessionToken()));
    }
    return new Outbound.HttpCall(
        call.method(),
        call.url(),
        headers,
        call.body(),
        call.http().withAuthorization(new Secret(authorization)),
        secrets,
        call.answerCheck());
  }
}
