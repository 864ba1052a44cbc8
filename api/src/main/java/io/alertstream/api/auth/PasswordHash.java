package io.alertstream.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, written {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>} (salt and hash in base64).
 */
public final class PasswordHash {

  private static final String PREFIX = "pbkdf2-sha256";
  private static final int ITERATIONS = 120_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return PREFIX
        + "$"
        + ITERATIONS
        + "$"
        + Base64.getEncoder().encodeToString(salt)
        + "$"
        + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Whether the password matches the hash; false for a hash in another format. */
  public static boolean verify(char[] password, String hash) {
    String[] parts = hash.split("\\$");
    if (parts.length != 4 || !PREFIX.equals(parts[0])) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Checks that a stored hash is in this format, without a password. */
  public static boolean wellFormed(String hash) {
    String[] parts = hash.split("\\$");
    return parts.length == 4 && PREFIX.equals(parts[0]) && parts[1].matches("[1-9][0-9]*");
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password, salt, iterations, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has PBKDF2WithHmacSHA256", e);
    }
  }

  static final String USAGE =
      """
      usage: ./alertstream hash-password < password-file

      Reads a password on standard input and prints its hash, for a line 'tenant: <hash>' of the
      credentials file (alertstream.auth.file locally, auth.file for ./alertstream server).
      """;

  /** {@code ./alertstream hash-password}: reads a password from stdin, prints its hash. */
  public static void main(String[] args) throws Exception {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.print(USAGE);
        return;
      }
      System.err.println("alertstream hash-password: unknown argument '" + arg + "'");
      System.err.print(USAGE);
      System.exit(2);
    }
    byte[] input = System.in.readAllBytes();
    String password = new String(input, StandardCharsets.UTF_8).strip();
    if (password.isEmpty()) {
      System.err.println("give the password on standard input");
      System.exit(2);
    }
    System.out.println(hash(password.toCharArray()));
  }
}
