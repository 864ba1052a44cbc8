package io.alertstream.connectors.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final TokenCache cache = new TokenCache(clock);

  @Test
  void aTokenLastsTwoHoursAndIsThenDropped() {
    cache.put("k", "token-1");
    now.set(now.get().plus(Duration.ofMinutes(119)));
    assertThat(cache.get("k")).hasValue("token-1");

    now.set(now.get().plus(Duration.ofMinutes(2)));
    assertThat(cache.get("k")).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void pastItsBoundTheLeastRecentlyUsedGoesAndNoOtherEntry() {
    cache.put("kept", "token-kept");
    for (int i = 0; i < TokenCache.MAX_ENTRIES + 5; i++) {
      cache.put("k" + i, "t" + i);
      if (i % 100 == 0) {
        assertThat(cache.get("kept")).hasValue("token-kept");
      }
    }

    assertThat(cache.size()).isEqualTo(TokenCache.MAX_ENTRIES);
    assertThat(cache.get("kept")).hasValue("token-kept");
    assertThat(cache.get("k0")).isEmpty();
  }

  @Test
  void anOverlongTokenIsNotKept() {
    cache.put("k", "x".repeat(TokenCache.MAX_TOKEN_CHARS + 1));

    assertThat(cache.get("k")).isEmpty();
  }

  @Test
  void anExpiredTokenIsForgottenOnlyIfItIsStillTheOneKept() {
    cache.put("k", "old");
    cache.put("k", "new");
    cache.forget("k", "old");
    assertThat(cache.get("k")).hasValue("new");
    cache.forget("k", "new");
    assertThat(cache.get("k")).isEmpty();
  }
}
