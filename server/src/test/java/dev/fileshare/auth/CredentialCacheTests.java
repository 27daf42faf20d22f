package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
  final CredentialCache<String> cache = new CredentialCache<>(TTL, this::read, nanos::get);

  @Test
  void aCredentialInUseIsReadAgainBeforeItExpiresAndNeverMissed() {
    assertThat(cache.find("token")).contains("alice");
    reads.set(0);

    for (var second = 1; second <= 20; second++) {
      advance(Duration.ofSeconds(1));
      assertThat(cache.find("token")).as("at %d s", second).contains("alice");
      await().atMost(Duration.ofSeconds(5)).until(() -> !cache.readingAgain());
    }
    // read again about every half of the time-to-live, not on every request
    assertThat(reads.get()).isBetween(5, 10);
  }

  @Test
  void aCredentialGoneFromTheDatabaseLeavesTheCacheAtItsNextRead() {
    assertThat(cache.find("token")).contains("alice");
    database.remove("token");

    advance(Duration.ofSeconds(3));
    assertThat(cache.find("token")).contains("alice"); // the old answer, while the read runs
    await().atMost(Duration.ofSeconds(5)).until(() -> cache.find("token").isEmpty());
  }

  @Test
  void aCredentialNotUsedForTheTimeToLiveIsForgotten() {
    assertThat(cache.find("token")).contains("alice");
    database.put("token", "alice, renamed");
    advance(TTL.plusMillis(1));
    assertThat(cache.find("token")).contains("alice, renamed");
    assertThat(reads.get()).isEqualTo(2);
  }

  @Test
  void aTimeToLiveOfZeroKeepsNothing() {
    var uncached = new CredentialCache<>(Duration.ZERO, this::read, nanos::get);
    assertThat(uncached.find("token")).contains("alice");
    assertThat(uncached.find("token")).contains("alice");
    assertThat(reads.get()).isEqualTo(2);
  }

  @Test
  void aFreshEntryIsAnsweredFromMemory() {
    assertThat(cache.find("token")).contains("alice");
    database.put("token", "alice again");
    assertThat(cache.find("token")).contains("alice");
    assertThat(reads.get()).isEqualTo(1);
  }

  @Test
  void anUpdateOrAForgetChangesWhatIsInMemory() {
    assertThat(cache.find("token")).contains("alice");
    cache.update("token", "alice, touched");
    assertThat(cache.find("token")).contains("alice, touched");
    cache.forget("alice, touched"::equals);
    database.remove("token");
    assertThat(cache.find("token")).isEqualTo(Optional.empty());
  }

  private String read(String hash) {
    reads.incrementAndGet();
    return database.get(hash);
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
