package io.alertstream.connectors.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * WeChat access tokens by API URL, corp id and secret, kept for two hours as Alertmanager keeps
 * them. Entries are keyed by a SHA-256 of the three, so the map holds no secret in its keys. The
 * cache is bounded in entries and in token length: past {@link #MAX_ENTRIES} the least recently
 * used entry goes (its token is fetched again when needed), and a token longer than {@link
 * #MAX_TOKEN_CHARS} (WeChat's are 512 at most) is not kept.
 */
final class TokenCache {

  static final Duration LIFETIME = Duration.ofHours(2);
  static final int MAX_ENTRIES = 10_000;
  static final int MAX_TOKEN_CHARS = 1024;

  private record Token(String value, Instant fetchedAt) {}

  private final Map<String, Token> tokens =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Token> eldest) {
          return size() > MAX_ENTRIES;
        }
      };
  private final Clock clock;

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  /** The key of an API URL, corp id and secret. */
  static String key(String apiUrl, String corpId, String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {apiUrl, corpId, secret}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A token fetched less than two hours ago. */
  synchronized Optional<String> get(String key) {
    Token token = tokens.get(key);
    if (token == null) {
      return Optional.empty();
    }
    if (Duration.between(token.fetchedAt(), clock.instant()).compareTo(LIFETIME) > 0) {
      tokens.remove(key);
      return Optional.empty();
    }
    return Optional.of(token.value());
  }

  synchronized void put(String key, String token) {
    if (token.length() <= MAX_TOKEN_CHARS) {
      tokens.put(key, new Token(token, clock.instant()));
    }
  }

  /** Forgets the token if it is still the one kept (WeChat said it expired). */
  synchronized void forget(String key, String token) {
    tokens.computeIfPresent(key, (k, kept) -> kept.value().equals(token) ? null : kept);
  }

  synchronized int size() {
    return tokens.size();
  }
}
