package io.alertstream.connectors.delivery;

import io.alertstream.config.receivers.ClientCertificate;
import io.alertstream.config.receivers.TlsConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Java's TLS settings for a {@code tls_config}, shared by the HTTP and SMTP senders. */
final class TlsContexts {

  private static final List<String> VERSIONS = List.of("TLS10", "TLS11", "TLS12", "TLS13");
  private static final List<String> PROTOCOLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private TlsContexts() {}

  /** Whether the JVM's default context will not do: certificates are not checked, or own CAs. */
  static boolean needsOwnContext(TlsConfig tls) {
    return tls.insecureSkipVerify()
        || tls.caPem().isPresent()
        || tls.clientCertificate().isPresent();
  }

  /**
   * The context trusting what the tls_config says.
   *
   * @throws IllegalArgumentException when tls_config.ca is not PEM certificates (no secret in it)
   */
  static SSLContext context(TlsConfig tls) {
    try {
      TrustManager[] trust;
      if (tls.insecureSkipVerify()) {
        trust = new TrustManager[] {new TrustAll()};
      } else if (tls.caPem().isPresent()) {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate c :
            CertificateFactory.getInstance("X.509")
                .generateCertificates(
                    new ByteArrayInputStream(tls.caPem().get().getBytes(StandardCharsets.UTF_8)))) {
          store.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        trust = factory.getTrustManagers();
      } else {
        trust = null;
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(tls), trust, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "tls_config.ca, cert or key could not be read: " + e.getClass().getSimpleName());
    }
  }

  /** The client certificate's key managers, or null (none) when there is no certificate. */
  private static KeyManager[] keyManagers(TlsConfig tls)
      throws GeneralSecurityException, IOException {
    if (tls.clientCertificate().isEmpty()) {
      return null;
    }
    ClientCertificate client = tls.clientCertificate().get();
    char[] password = new char[0];
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("client", client.privateKey(), password, client.chain());
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  /**
   * The protocols from {@code min_version} (TLS 1.2 when unset, as in Go) to {@code max_version}
   * (TLS 1.3 when unset); empty when neither is set, for the JVM's defaults.
   */
  static List<String> protocols(TlsConfig tls) {
    if (tls.minVersion().isEmpty() && tls.maxVersion().isEmpty()) {
      return List.of();
    }
    int from = tls.minVersion().isEmpty() ? 2 : VERSIONS.indexOf(tls.minVersion());
    int to = tls.maxVersion().isEmpty() ? 3 : VERSIONS.indexOf(tls.maxVersion());
    return new ArrayList<>(PROTOCOLS.subList(from, Math.max(from, to) + 1));
  }

  /** tls_config.insecure_skip_verify: accepts any server certificate. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
