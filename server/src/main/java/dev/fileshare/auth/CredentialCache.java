package dev.fileshare.auth;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

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
 */
final class CredentialCache {

  static final int MAXIMUM = 100_000;

  /**
   * One thread, gone when idle: each read is one indexed row, at most one per credential at once.
   */
  private static final Executor READS = reads();

  private CredentialCache() {}

  /** Credentials read by {@code read} (null when there is none any more), kept for {@code ttl}. */
  static <V> LoadingCache<String, V> of(Duration ttl, Function<String, V> read) {
    return of(ttl, read, Ticker.systemTicker());
  }

  static <V> LoadingCache<String, V> of(Duration ttl, Function<String, V> read, Ticker ticker) {
    var loader = new InBackground<>(read);
    var builder = Caffeine.newBuilder().ticker(ticker);
    if (ttl.isZero()) {
      return builder.maximumSize(0).build(loader);
    }
    return builder
        .expireAfterWrite(ttl)
        .refreshAfterWrite(ttl.dividedBy(2))
        .maximumSize(MAXIMUM)
        .build(loader);
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
