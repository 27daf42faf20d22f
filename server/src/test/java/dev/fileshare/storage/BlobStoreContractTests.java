package dev.fileshare.storage;

import static dev.fileshare.storage.TestContent.generated;
import static dev.fileshare.storage.TestContent.summarize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.shared.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link BlobStore} must do. An implementation's test extends this class and says how to
 * make an empty store and how to count half-written uploads.
 */
public abstract class BlobStoreContractTests {

  private static final long MB = 1024 * 1024;

  protected BlobStore blobs;

  /** A new, empty store. */
  protected abstract BlobStore createStore() throws Exception;

  /** How many half-written uploads the store still keeps (temporary files, multipart uploads…). */
  protected abstract long partialUploads() throws IOException;

  @BeforeEach
  void createBlobStore() throws Exception {
    blobs = createStore();
  }

  /** A blob grown in place reads like any other; a store that cannot grow one says so first. */
  @Test
  void growsBlobsOnlyIfItSaysItCan() throws IOException {
    var content = generated(70_000, 3);
    var reference = summarize(generated(70_000, 3));
    if (!blobs.canGrow()) {
      assertThatThrownBy(() -> blobs.grow(null, 0, content, 70_000, Sha256.digest()))
          .isInstanceOf(UnsupportedOperationException.class);
      return;
    }
    var grown = blobs.grow(null, 0, content, 70_000, Sha256.digest());

    assertThat(summarize(blobs.load(grown.key()))).isEqualTo(reference);
    assertThat(blobs.size(grown.key())).isEqualTo(70_000);
  }

  @Test
  void storesAndLoadsContentWithItsSizeAndSha256() throws IOException {
    var reference = summarize(generated(300_000, 7));

    var stored = blobs.store(generated(300_000, 7), MB);

    assertThat(stored.size()).isEqualTo(reference.size());
    assertThat(stored.sha256()).isEqualTo(reference.sha256());
    assertThat(summarize(blobs.load(stored.key()))).isEqualTo(reference);
    assertThat(blobs.size(stored.key())).isEqualTo(300_000);
    assertThat(blobs.exists(stored.key())).isTrue();
    assertThat(partialUploads()).isZero();
  }

  @Test
  void generatesUrlSafeKeysThatNeverRepeat() throws IOException {
    var first = blobs.store(generated(10, 1), 10).key();
    var second = blobs.store(generated(10, 1), 10).key();

    assertThat(first).matches("[A-Za-z0-9_-]{22,}");
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void streamsContentOfManyMegabytes() throws IOException {
    var size = 24 * MB + 123;
    var reference = summarize(generated(size, 42));

    var stored = blobs.store(generated(size, 42), 64 * MB);

    assertThat(stored.size()).isEqualTo(size);
    assertThat(stored.sha256()).isEqualTo(reference.sha256());
    assertThat(summarize(blobs.load(stored.key()))).isEqualTo(reference);
  }

  @Test
  void storesEmptyContent() throws IOException {
    var stored = blobs.store(InputStream.nullInputStream(), 0);

    assertThat(stored.size()).isZero();
    assertThat(stored.sha256())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(summarize(blobs.load(stored.key())).size()).isZero();
    assertThat(blobs.size(stored.key())).isZero();
  }

  @Test
  void acceptsContentOfExactlyTheLimit() throws IOException {
    var stored = blobs.store(generated(MB, 3), MB);

    assertThat(blobs.size(stored.key())).isEqualTo(MB);
  }

  @Test
  void refusesContentOneByteOverTheLimitAndKeepsNothing() throws IOException {
    assertThatThrownBy(() -> blobs.store(generated(MB + 1, 3), MB))
        .isInstanceOfSatisfying(
            BlobTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(MB));

    assertNothingKept();
  }

  @Test
  void stopsReadingSoonAfterTheLimit() {
    var endless = TestContent.endless();

    assertThatThrownBy(() -> blobs.store(endless, 2 * MB))
        .isInstanceOf(BlobTooLargeException.class);
    assertThat(endless.position()).isLessThan(2 * MB + 16 * MB);
  }

  @Test
  void keepsNothingWhenTheContentFailsMidway() throws IOException {
    assertThatThrownBy(() -> blobs.store(TestContent.failingAfter(3 * MB), 10 * MB))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(BlobTooLargeException.class);

    assertNothingKept();
  }

  private void assertNothingKept() throws IOException {
    var found = new ArrayList<String>();
    blobs.sweep(Instant.now().plus(Duration.ofDays(1)), found::add);
    assertThat(found).isEmpty();
    assertThat(partialUploads()).isZero();
  }

  @Test
  void loadsRanges() throws IOException {
    var content = new byte[1000];
    generated(1000, 5).read(content);
    var key = blobs.store(new ByteArrayInputStream(content), 1000).key();

    assertThat(readAll(blobs.load(key, 0, 1000))).isEqualTo(content);
    assertThat(readAll(blobs.load(key, 10, 20))).isEqualTo(slice(content, 10, 20));
    assertThat(readAll(blobs.load(key, 999, 1))).isEqualTo(slice(content, 999, 1));
    assertThat(readAll(blobs.load(key, 1000, 0))).isEmpty();
    assertThat(readAll(blobs.load(key, 0, 0))).isEmpty();
  }

  @Test
  void refusesRangesOutsideTheBlob() throws IOException {
    var key = blobs.store(generated(1000, 5), 1000).key();

    for (var range : List.of(new long[] {-1, 10}, new long[] {0, -1}, new long[] {1001, 0})) {
      assertThatThrownBy(() -> blobs.load(key, range[0], range[1]).close())
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> blobs.load(key, 990, 11).close())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> blobs.load(key, 1, Long.MAX_VALUE).close())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void opensBlobsForRandomReads() throws IOException {
    var content = new byte[5000];
    generated(5000, 9).read(content);
    var key = blobs.store(new ByteArrayInputStream(content), 5000).key();

    try (var channel = blobs.open(key)) {
      assertThat(channel.size()).isEqualTo(5000);
      var buffer = ByteBuffer.allocate(100);
      channel.position(4000);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {}
      assertThat(buffer.array()).isEqualTo(slice(content, 4000, 100));
      channel.position(5000);
      assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
    }
  }

  @Test
  void treatsMissingKeysAsMissing() throws IOException {
    var key = blobs.store(generated(10, 1), 10).key();
    blobs.delete(key);

    assertThatThrownBy(() -> blobs.load(key)).isInstanceOf(BlobNotFoundException.class);
    assertThatThrownBy(() -> blobs.load(key, 0, 1)).isInstanceOf(BlobNotFoundException.class);
    assertThatThrownBy(() -> blobs.open(key)).isInstanceOf(BlobNotFoundException.class);
    assertThatThrownBy(() -> blobs.size(key)).isInstanceOf(BlobNotFoundException.class);
    assertThat(blobs.exists(key)).isFalse();
    blobs.delete(key);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "..",
        "../../../../etc/passwd",
        "/etc/passwd",
        "tmp",
        "ab/cd",
        "..%2F..%2Fetc%2Fpasswd",
        "C:\\Windows\\win.ini",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/../../x",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\u0000",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
        " aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void refusesKeysItCouldNotHaveGenerated(String hostile) {
    assertThatThrownBy(() -> blobs.load(hostile)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> blobs.load(hostile, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> blobs.open(hostile)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> blobs.size(hostile)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> blobs.exists(hostile)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> blobs.delete(hostile)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsConcurrentUploadsApart() throws Exception {
    var threads = 16;
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(threads);
    try {
      var uploads = new ArrayList<Future<BlobStore.StoredBlob>>();
      for (var i = 0; i < threads; i++) {
        var seed = i;
        uploads.add(
            pool.submit(
                () -> {
                  start.await();
                  return blobs.store(generated(MB + seed, seed), 2 * MB);
                }));
      }
      start.countDown();
      var keys = ConcurrentHashMap.<String>newKeySet();
      for (var i = 0; i < threads; i++) {
        var stored = uploads.get(i).get(2, TimeUnit.MINUTES);
        keys.add(stored.key());
        var expected = summarize(generated(MB + i, i));
        assertThat(stored.sha256()).isEqualTo(expected.sha256());
        assertThat(summarize(blobs.load(stored.key()))).isEqualTo(expected);
      }
      assertThat(keys).hasSize(threads);
      assertThat(partialUploads()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sweepHandsOnOnlyBlobsWrittenBeforeTheCutoff() throws IOException {
    var key = blobs.store(generated(10, 1), 10).key();

    var older = new ArrayList<String>();
    blobs.sweep(Instant.now().minus(Duration.ofHours(1)), older::add);
    assertThat(older).isEmpty();

    blobs.sweep(Instant.now().plus(Duration.ofMinutes(1)), older::add);
    assertThat(older).containsExactly(key);
    assertThat(blobs.exists(key)).isTrue();
  }

  @Test
  void sweepLetsTheCallerDeleteWhatItIsHanded() throws IOException {
    var orphan = blobs.store(generated(10, 1), 10).key();
    var kept = blobs.store(generated(10, 2), 10).key();

    blobs.sweep(
        Instant.now().plus(Duration.ofMinutes(1)),
        key -> {
          if (key.equals(orphan)) {
            delete(key);
          }
        });

    assertThat(blobs.exists(orphan)).isFalse();
    assertThat(blobs.exists(kept)).isTrue();
  }

  private void delete(String key) {
    try {
      blobs.delete(key);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private static byte[] slice(byte[] content, int offset, int length) {
    var part = new byte[length];
    System.arraycopy(content, offset, part, 0, length);
    return part;
  }
}
