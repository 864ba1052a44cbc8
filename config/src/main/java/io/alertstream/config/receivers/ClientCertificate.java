package io.alertstream.config.receivers;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * A {@code tls_config} client certificate: the PEM certificate chain and its PEM private key (a
 * secret), read as the JDK needs them. The key may be PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC or
 * Ed25519) or PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}); messages never quote the key.
 *
 * @param certPem {@code cert}
 * @param keyPem {@code key}
 */
public record ClientCertificate(String certPem, Secret keyPem) {

  private static final String PKCS8 = "PRIVATE KEY";
  private static final String PKCS1 = "RSA PRIVATE KEY";

  /** The certificate chain, leaf first. */
  public Certificate[] chain() throws GeneralSecurityException {
    List<? extends Certificate> certs =
        List.copyOf(
            CertificateFactory.getInstance("X.509")
                .generateCertificates(
                    new ByteArrayInputStream(certPem.getBytes(StandardCharsets.UTF_8))));
    if (certs.isEmpty()) {
      throw new GeneralSecurityException("tls_config.cert holds no PEM certificate");
    }
    return certs.toArray(Certificate[]::new);
  }

  /** The private key. */
  public PrivateKey privateKey() throws GeneralSecurityException {
    String pem = keyPem.value();
    byte[] der;
    if (pem.contains("-----BEGIN " + PKCS8 + "-----")) {
      der = body(pem, PKCS8);
    } else if (pem.contains("-----BEGIN " + PKCS1 + "-----")) {
      der = pkcs1ToPkcs8(body(pem, PKCS1));
    } else {
      throw new GeneralSecurityException(
          "tls_config.key must be a PEM PKCS#8 key (BEGIN PRIVATE KEY) or a PKCS#1 RSA key (BEGIN"
              + " RSA PRIVATE KEY); convert others with openssl pkcs8 -topk8 -nocrypt");
    }
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisAlgorithm) {
        // try the next
      }
    }
    throw new GeneralSecurityException("tls_config.key is not an RSA, EC or Ed25519 private key");
  }

  private static byte[] body(String pem, String label) throws GeneralSecurityException {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end, from);
    if (to < 0) {
      throw new GeneralSecurityException("tls_config.key has no END line");
    }
    try {
      return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("tls_config.key is not base64 PEM");
    }
  }

  /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption). */
  private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    byte[] algorithm = {
      0x30,
      0x0d,
      0x06,
      0x09,
      0x2a,
      (byte) 0x86,
      0x48,
      (byte) 0x86,
      (byte) 0xf7,
      0x0d,
      0x01,
      0x01,
      0x01,
      0x05,
      0x00
    };
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octets = der(0x04, pkcs1);
    byte[] content = new byte[version.length + algorithm.length + octets.length];
    System.arraycopy(version, 0, content, 0, version.length);
    System.arraycopy(algorithm, 0, content, version.length, algorithm.length);
    System.arraycopy(octets, 0, content, version.length + algorithm.length, octets.length);
    return der(0x30, content);
  }

  /** One DER element: tag, definite length, content. */
  private static byte[] der(int tag, byte[] content) {
    int length = content.length;
    byte[] lengthBytes;
    if (length < 0x80) {
      lengthBytes = new byte[] {(byte) length};
    } else {
      int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
      lengthBytes = new byte[bytes + 1];
      lengthBytes[0] = (byte) (0x80 | bytes);
      for (int i = 0; i < bytes; i++) {
        lengthBytes[bytes - i] = (byte) (length >>> (8 * i));
      }
    }
    byte[] out = new byte[1 + lengthBytes.length + length];
    out[0] = (byte) tag;
    System.arraycopy(lengthBytes, 0, out, 1, lengthBytes.length);
    System.arraycopy(content, 0, out, 1 + lengthBytes.length, length);
    return out;
  }

  @Override
  public String toString() {
    return "ClientCertificate[key=<secret>]";
  }
}
