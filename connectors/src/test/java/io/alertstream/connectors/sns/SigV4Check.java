package io.alertstream.connectors.sns;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes the SigV4 signature of a request as the server received it (written from the AWS
 * documentation, independently of the SDK), so that a test shows what was sent is what was signed.
 */
final class SigV4Check {

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,"
              + " ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");

  private SigV4Check() {}

  /** Whether the request's signature is the one the secret key gives. */
  static boolean valid(LoggedRequest request, String secretKey) throws Exception {
    Matcher m = AUTHORIZATION.matcher(request.getHeader("Authorization"));
    if (!m.matches()) {
      return false;
    }
    String date = m.group(2);
    String region = m.group(3);
    String service = m.group(4);
    String signedHeaders = m.group(5);
    StringBuilder canonical = new StringBuilder();
    canonical.append(request.getMethod().getName()).append('\n');
    String url = request.getUrl();
    int q = url.indexOf('?');
    canonical.append(q < 0 ? url : url.substring(0, q)).append('\n');
    canonical.append(q < 0 ? "" : url.substring(q + 1)).append('\n');
    for (String name : signedHeaders.split(";")) {
      canonical.append(name).append(':').append(request.getHeader(name).strip()).append('\n');
    }
    canonical.append('\n').append(signedHeaders).append('\n').append(sha256(request.getBody()));
    String amzDate = request.getHeader("X-Amz-Date");
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String toSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    return HexFormat.of().formatHex(hmac(key, toSign)).equals(m.group(6));
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }
}
