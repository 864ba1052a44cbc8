package io.alertstream.connectors.sink;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Mimir's notification rate limit: per tenant, a token bucket refilled at {@code rate} per second
 * holding at most {@code burst} tokens. A rate of 0 or less means no limit.
 */
public final class RateLimiter {

  private final Map<String, Double> rates;
  private final double defaultRate;
  private final int burst;
  private final LongSupplier nanos;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long refilledAt;
  }

  /**
   * @param defaultRate notifications per second for tenants without an override
   * @param overrides per-tenant rates
   * @param burst bucket size; 0 means the rate rounded up, at least 1
   */
  public RateLimiter(
      double defaultRate, Map<String, Double> overrides, int burst, LongSupplier nanos) {
    this.defaultRate = defaultRate;
    this.rates = Map.copyOf(overrides);
    this.burst = burst;
    this.nanos = nanos;
  }

  /** Takes a token for the tenant; false when the tenant is over its limit. */
  public boolean tryAcquire(String tenant) {
    double rate = rates.getOrDefault(tenant, defaultRate);
    if (rate <= 0) {
      return true;
    }
    double size = burst > 0 ? burst : Math.max(1, Math.ceil(rate));
    Bucket bucket =
        buckets.computeIfAbsent(
            tenant,
            t -> {
              Bucket b = new Bucket();
              b.tokens = size;
              b.refilledAt = nanos.getAsLong();
              return b;
            });
    synchronized (bucket) {
      long now = nanos.getAsLong();
      bucket.tokens = Math.min(size, bucket.tokens + (now - bucket.refilledAt) / 1e9 * rate);
      bucket.refilledAt = now;
      if (bucket.tokens < 1) {
        return false;
      }
      bucket.tokens -= 1;
      return true;
    }
  }
}
