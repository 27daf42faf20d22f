package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A credential in use is read again in the background before it would expire, so its requests never
 * all miss at once; one gone from the database leaves the cache at its next read.
 */
class CredentialCacheTests {

  static final Duration TTL = Duration.ofSeconds(5);

  final AtomicLong nanos = new AtomicLong(1);
  final Map<String, String> database = new ConcurrentHashMap<>(Map.of("token", "alice"));
  final AtomicInteger reads = new AtomicInteger();

  @Test
  void aCredentialInUseIsReadAgainBeforeItExpiresAndNeverMissed() {
    var cache = CredentialCache.of(TTL, this::read, nanos::get);
    cache.asMap().putIfAbsent("token", "alice");

    for (var second = 1; second <= 20; second++) {
      advance(Duration.ofSeconds(1));
      assertThat(cache.getIfPresent("token")).as("at %d s", second).isEqualTo("alice");
      awaitQuiet(cache);
    }
    // read again about every half of the time-to-live, not on every request
    assertThat(reads.get()).isBetween(5, 10);
  }

  @Test
  void aCredentialGoneFromTheDatabaseLeavesTheCacheAtItsNextRead() {
    var cache = CredentialCache.of(TTL, this::read, nanos::get);
    cache.asMap().putIfAbsent("token", "alice");
    database.remove("token");

    advance(Duration.ofSeconds(3));
    cache.getIfPresent("token"); // the old answer, while the read runs
    awaitUntil(() -> cache.getIfPresent("token") == null);
    assertThat(cache.asMap()).doesNotContainKey("token");
  }

  @Test
  void aCredentialNotUsedForTheTimeToLiveIsForgotten() {
    var cache = CredentialCache.of(TTL, this::read, nanos::get);
    cache.asMap().putIfAbsent("token", "alice");
    advance(TTL.plusMillis(1));
    assertThat(cache.getIfPresent("token")).isNull();
    assertThat(reads.get()).isZero();
  }

  @Test
  void aTimeToLiveOfZeroKeepsNothing() {
    var cache = CredentialCache.of(Duration.ZERO, this::read, nanos::get);
    cache.put("token", "alice");
    cache.cleanUp();
    assertThat(cache.getIfPresent("token")).isNull();
  }

  @Test
  void aSecondStoreOfAFreshEntryKeepsTheFirst() {
    var cache = CredentialCache.of(TTL, this::read, nanos::get);
    assertThat(cache.asMap().putIfAbsent("token", "alice")).isNull();
    assertThat(cache.asMap().putIfAbsent("token", "alice again")).isEqualTo("alice");
    advance(TTL.plusMillis(1));
    assertThat(cache.asMap().putIfAbsent("token", "alice, later")).isNull();
    assertThat(cache.getIfPresent("token")).isEqualTo("alice, later");
  }

  private String read(String hash) {
    reads.incrementAndGet();
    return database.get(hash);
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  /** Waits until no read is running for the cache (reads run on a thread of their own). */
  private void awaitQuiet(com.github.benmanes.caffeine.cache.LoadingCache<String, String> cache) {
    awaitUntil(() -> cache.policy().refreshes().isEmpty());
  }

  private static void awaitUntil(Supplier<Boolean> condition) {
    var deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
      Thread.onSpinWait();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
