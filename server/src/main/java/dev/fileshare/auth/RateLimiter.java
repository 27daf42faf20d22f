package dev.fileshare.auth;

import dev.fileshare.shared.ApiException;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fixed-window limits per key, such as {@code login-ip:203.0.113.9}, counted in the database so
 * that they hold across every node behind a load balancer. A full window refills at once, so a
 * locked-out owner can sign in again when the window has passed.
 */
@Component
public class RateLimiter {

  private final RateLimitSettings settings;
  private final RateLimitRows rows;
  private final Clock clock;

  RateLimiter(RateLimitSettings settings, RateLimitRows rows, Clock clock) {
    this.settings = settings;
    this.rows = rows;
    this.clock = clock;
  }

  public RateLimitSettings settings() {
    return settings;
  }

  /** Counts one request against the key's limit, or refuses with 429 and {@code Retry-After}. */
  public void take(String key, Limit limit) {
    if (!settings.enabled()) {
      return;
    }
    var now = clock.millis();
    var window = rows.hit(bucket(key, limit), now, limit.period().toMillis());
    if (window.hits() > limit.requests()) {
      throw tooMany(window.windowEnd() - now);
    }
  }

  /** Refuses with 429 if the key's limit is used up, without counting a request. */
  public void check(String key, Limit limit) {
    if (!settings.enabled()) {
      return;
    }
    var now = clock.millis();
    var window = rows.find(bucket(key, limit));
    if (window.isPresent()
        && window.get().windowEnd() > now
        && window.get().hits() >= limit.requests()) {
      throw tooMany(window.get().windowEnd() - now);
    }
  }

  /** Forgets windows that have ended; an ended window counts for nothing anyway. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void purgeEnded() {
    rows.deleteEnded(clock.millis());
  }

  /** The limit is part of the bucket, so that changing a limit starts a fresh count. */
  private static String bucket(String key, Limit limit) {
    return key + "|" + limit;
  }

  private static ApiException tooMany(long millis) {
    var seconds = Math.max(1, (millis + 999) / 1000);
    var message = "Too many attempts. Try again in " + seconds + " seconds.";
    return new ApiException(
        HttpStatus.TOO_MANY_REQUESTS,
        message,
        Map.of("error", message, "retry_after", seconds),
        Map.of("Retry-After", Long.toString(seconds)));
  }
}
