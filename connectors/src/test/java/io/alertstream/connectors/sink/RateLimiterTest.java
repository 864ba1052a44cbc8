package io.alertstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong nanos = new AtomicLong();

  @Test
  void aTenantGetsItsBurstThenItsRate() {
    RateLimiter limiter = new RateLimiter(2, Map.of(), 0, nanos::get);

    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isFalse();
    assertThat(limiter.tryAcquire("b")).isTrue();

    nanos.addAndGet(500_000_000L);
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isFalse();
  }

  @Test
  void overridesReplaceTheDefaultAndZeroMeansNoLimit() {
    RateLimiter limiter = new RateLimiter(1, Map.of("free", 0.0, "slow", 0.5), 1, nanos::get);

    for (int i = 0; i < 100; i++) {
      assertThat(limiter.tryAcquire("free")).isTrue();
    }
    assertThat(limiter.tryAcquire("slow")).isTrue();
    nanos.addAndGet(1_000_000_000L);
    assertThat(limiter.tryAcquire("slow")).isFalse();
    nanos.addAndGet(1_000_000_000L);
    assertThat(limiter.tryAcquire("slow")).isTrue();
  }
}
