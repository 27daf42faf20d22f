package dev.fileshare.auth;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The sign-in tokens and API keys a node has looked up, by the hash of the secret, kept for {@code
 * fileshare.auth.token-cache-ttl} (5 s) and read again in the background once half of that has
 * passed, so that a credential in use never expires from the cache: when all of a busy client's
 * requests found its token gone at the same moment, each read it from the database and stored it
 * again, the stores waiting in turn on the entry's lock, and thread dumps of the list at 64
 * connections caught 29 requests blocked there for up to 6 s on virtual threads
 * (docs/performance.md, "Two more waits taken away"). A read that finds the credential gone
 * (revoked, or, for an API key, its account disabled) drops it, so revocation on another node still
 * takes effect within the time-to-live, and sooner for a credential in use. Reads run one at a time
 * on a thread of their own, never on the request's.
 *
 * @param <V> the credential's row
 */
final class CredentialCache<V> {

  static final int MAXIMUM = 100_000;

  /**
   * One thread, gone when idle: each read is one indexed row, at most one per credential at once.
   */
  private static final Executor READS = reads();

  private final Function<String, V> read;
  private final LoadingCache<String, V> cache;

  /** Credentials read by {@code read} (null when there is none any more), kept for {@code ttl}. */
  CredentialCache(Duration ttl, Function<String, V> read) {
    this(ttl, read, Ticker.systemTicker());
  }

  CredentialCache(Duration ttl, Function<String, V> read, Ticker ticker) {
    this.read = read;
    var loader = new InBackground<>(read);
    var builder = Caffeine.newBuilder().ticker(ticker);
    this.cache =
        ttl.isZero()
            ? builder.expireAfterWrite(Duration.ZERO).maximumSize(0).build(loader) // off
            : builder
                .expireAfterWrite(ttl)
                .refreshAfterWrite(ttl.dividedBy(2))
                .maximumSize(MAXIMUM)
                .build(loader);
  }

  /**
   * The credential of that hash, from memory or else from the database. A miss is read outside the
   * cache's lock: while the database is slow or away, requests with the same credential each wait
   * for their own connection (bounded by the pool's timeout), not in turn; and it is stored only
   * when no fresh entry is there yet, which takes no lock (all of a client's requests miss at once
   * the first time).
   */
  Optional<V> find(String hash) {
    var known = cache.getIfPresent(hash);
    if (known != null) {
      return Optional.of(known);
    }
    var found = read.apply(hash);
    if (found == null) {
      return Optional.empty();
    }
    var stored = cache.asMap().putIfAbsent(hash, found);
    return Optional.of(stored == null ? found : stored);
  }

  /** Puts a newer row of a credential in memory, if it is still there. */
  void update(String hash, V row) {
    cache.asMap().replace(hash, row);
  }

  void forget(String hash) {
    cache.invalidate(hash);
  }

  void forget(Predicate<V> revoked) {
    cache.asMap().values().removeIf(revoked);
  }

  /** Whether a credential is being read again in the background just now. */
  boolean readingAgain() {
    return !cache.policy().refreshes().isEmpty();
  }

  /** Reads again on {@link #READS}; the cache's own upkeep stays on its default executor. */
  private record InBackground<V>(Function<String, V> read) implements CacheLoader<String, V> {

    @Override
    public V load(String hash) {
      return read.apply(hash);
    }

    @Override
    public CompletableFuture<V> asyncReload(String hash, V old, Executor executor) {
      return CompletableFuture.supplyAsync(() -> read.apply(hash), READS);
    }
  }

  private static Executor reads() {
    var pool =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              var thread = new Thread(task, "credential-reads");
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
