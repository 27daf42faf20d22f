package dev.fileshare.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fileshare.shared.ApiException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per key, such as {@code login-ip:203.0.113.9}. A full window refills at
 * once, so a locked-out owner can sign in again when the window has passed. Buckets live in memory
 * on each node and are forgotten when unused for a day.
 */
@Component
public class RateLimits {

  private final RateLimitSettings settings;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1)).maximumSize(1_000_000).build();

  RateLimits(RateLimitSettings settings, Clock clock) {
    this.settings = settings;
    this.time =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
          }

          @Override
          public boolean isWallClockBased() {
            return true;
          }
        };
  }

  public RateLimitSettings settings() {
    return settings;
  }

  /** Takes one request from the key's bucket, or refuses with 429 and {@code Retry-After}. */
  public void take(String key, Limit limit) {
    if (!settings.enabled()) {
      return;
    }
    var probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw tooMany(probe.getNanosToWaitForRefill());
    }
  }

  /** Refuses with 429 if the key's bucket is empty, without taking from it. */
  public void check(String key, Limit limit) {
    if (!settings.enabled()) {
      return;
    }
    var probe = bucket(key, limit).estimateAbilityToConsume(1);
    if (!probe.canBeConsumed()) {
      throw tooMany(probe.getNanosToWaitForRefill());
    }
  }

  private Bucket bucket(String key, Limit limit) {
    return buckets.get(
        key + "|" + limit,
        k ->
            Bucket.builder()
                .addLimit(
                    l ->
                        l.capacity(limit.requests())
                            .refillIntervally(limit.requests(), limit.period()))
                .withCustomTimePrecision(time)
                .build());
  }

  private static ApiException tooMany(long nanos) {
    var seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    var message = "Too many attempts. Try again in " + seconds + " seconds.";
    return new ApiException(
        HttpStatus.TOO_MANY_REQUESTS,
        message,
        Map.of("error", message, "retry_after", seconds),
        Map.of("Retry-After", Long.toString(seconds)));
  }
}
