package dev.fileshare.storage.local;

import static dev.fileshare.storage.TestContent.summarize;
import static dev.fileshare.storage.local.LocalBlobStore.BUFFER_SIZE;
import static dev.fileshare.storage.local.LocalBlobStore.RING_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fileshare.shared.Sha256;
import dev.fileshare.storage.BlobNotFoundException;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobStoreContractTests;
import dev.fileshare.storage.BlobTooLargeException;
import dev.fileshare.storage.TestContent;
import dev.fileshare.storage.internal.ChunkHasher;
import dev.fileshare.storage.internal.HashingThreads;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LocalBlobStoreTests extends BlobStoreContractTests {

  static final HashingThreads hashing = new HashingThreads();

  @TempDir Path dataDir;

  @AfterAll
  static void stopHashing() {
    hashing.close();
  }

  Path root() {
    return dataDir.resolve("blobs");
  }

  @Override
  protected BlobStore createStore() throws IOException {
    return new LocalBlobStore(root(), hashing);
  }

  @Override
  protected long partialUploads() throws IOException {
    try (var files = Files.list(root().resolve("tmp"))) {
      return files.count();
    }
  }

  @Test
  void keepsEachBlobInADirectoryNamedAfterItsKey() throws IOException {
    var key = blobs.store(TestContent.generated(10, 1), 10).key();

    assertThat(key).matches("[0-9a-f]{32}");
    assertThat(root().resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key))
        .isRegularFile()
        .hasSize(10);
  }

  @Test
  void namesTheFileThatHoldsABlobForSendfile() throws IOException {
    var content = TestContent.generated(1000, 7).readAllBytes();
    var key = blobs.store(new java.io.ByteArrayInputStream(content), 1000).key();

    var name = blobs.sendfileName(key).orElseThrow();
    assertThat(Path.of(name)).isAbsolute().hasBinaryContent(content);
    blobs.delete(key);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> blobs.sendfileName(key))
        .isInstanceOf(dev.fileshare.storage.BlobNotFoundException.class);
  }

  @Test
  void sweepRemovesOnlyAbandonedUploads() throws IOException {
    var now = Instant.now();
    var abandoned = Files.createFile(root().resolve("tmp").resolve("abandoned.part"));
    Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofHours(2))));
    var running = Files.createFile(root().resolve("tmp").resolve("running.part"));

    var older = new ArrayList<String>();
    blobs.sweep(now.minus(Duration.ofHours(1)), older::add);

    assertThat(abandoned).doesNotExist();
    assertThat(running).exists();
    assertThat(older).isEmpty();
  }

  @Test
  void sweepIgnoresFilesThatAreNotBlobs() throws IOException {
    var key = blobs.store(TestContent.generated(10, 1), 10).key();
    var shard = root().resolve(key.substring(0, 2)).resolve(key.substring(2, 4));
    Files.writeString(shard.resolve("notes.txt"), "not a blob");
    Files.writeString(root().resolve("README"), "not a blob");
    var old = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
    Files.setLastModifiedTime(shard.resolve(key), old);

    var older = new ArrayList<String>();
    blobs.sweep(Instant.now().minus(Duration.ofHours(1)), older::add);

    assertThat(older).containsExactly(key);
    assertThat(shard.resolve("notes.txt")).exists();
  }

  @Test
  void createsItsDirectoriesWhereverTheyAreMissing() throws IOException {
    var nested = dataDir.resolve("a/b/c");

    var store = new LocalBlobStore(nested, hashing);
    var key = store.store(TestContent.generated(5, 1), 5).key();

    assertThat(store.size(key)).isEqualTo(5);
    assertThat(nested.resolve("tmp")).isDirectory();
  }

  /** Sizes around the buffer and the ring, and a few random ones. */
  static Stream<Arguments> sizesAroundTheBuffers() {
    var b = BUFFER_SIZE;
    var random = new SplittableRandom(11);
    var sizes =
        LongStream.concat(
            LongStream.of(
                0,
                1,
                b - 1,
                b,
                b + 1,
                2L * b,
                RING_SIZE * b - 1L,
                RING_SIZE * b,
                RING_SIZE * b + 1L,
                7L * b + 12_345),
            random.longs(4, 2, 9L * b));
    return sizes.boxed().flatMap(size -> sources().map(source -> Arguments.of(size, source)));
  }

  private static Stream<Source> sources() {
    return Stream.of(
        new Source("generated", TestContent::generated), new Source("ready", TestContent::ready));
  }

  record Source(String name, BiFunction<Long, Long, InputStream> open) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0} bytes, {1}")
  @MethodSource("sizesAroundTheBuffers")
  void storesContentOfEverySizeAroundTheBuffers(long size, Source source) throws IOException {
    var reference = summarize(TestContent.generated(size, size));

    for (var limit : new long[] {size, size + BUFFER_SIZE}) {
      var stored = blobs.store(source.open().apply(size, size), limit);

      assertThat(stored.size()).isEqualTo(size);
      assertThat(stored.sha256()).isEqualTo(reference.sha256());
      assertThat(summarize(blobs.load(stored.key()))).isEqualTo(reference);
    }
    if (size > 0) {
      assertThatThrownBy(() -> blobs.store(source.open().apply(size, size), size - 1))
          .isInstanceOf(BlobTooLargeException.class);
    }
    assertThat(partialUploads()).isZero();
    assertNoHashingLeft();
  }

  @Test
  void storesContentThatArrivesOneByteAtATime() throws IOException {
    var size = BUFFER_SIZE + 3L;

    var stored = blobs.store(TestContent.trickling(size, 5), size);

    assertThat(stored.size()).isEqualTo(size);
    assertThat(stored.sha256()).isEqualTo(summarize(TestContent.generated(size, 5)).sha256());
  }

  @Test
  void refusesOversizedContentWhileBuffersAreBeingHashedAndKeepsNothing() throws IOException {
    var limit = 5L * BUFFER_SIZE;
    var source = TestContent.ready(Long.MAX_VALUE, 3);

    assertThatThrownBy(() -> blobs.store(source, limit)).isInstanceOf(BlobTooLargeException.class);

    assertThat(partialUploads()).isZero();
    assertNoHashingLeft();
  }

  @Test
  void keepsNothingAndLeavesNoHashingWhenTheClientGoesAwayMidway() throws IOException {
    for (var failAt : new long[] {0, 1, BUFFER_SIZE, 3L * BUFFER_SIZE + 17, 10L * BUFFER_SIZE}) {
      var source = failingAfter(TestContent.ready(Long.MAX_VALUE, 4), failAt);

      assertThatThrownBy(() -> blobs.store(source, 100L * BUFFER_SIZE))
          .isInstanceOf(IOException.class)
          .hasMessage("Connection reset");

      assertThat(partialUploads()).isZero();
      assertNoHashingLeft();
    }
  }

  @Test
  void growsABlobAcrossWritesWithOneDigestRunningOverAllOfThem() throws IOException {
    var content = bytes(3 * BUFFER_SIZE + 1234);
    var cuts = new int[] {0, 17, BUFFER_SIZE + 5, content.length};
    var digest = Sha256.digest();
    String key = null;
    for (var i = 1; i < cuts.length; i++) {
      var part = Arrays.copyOfRange(content, cuts[i - 1], cuts[i]);
      var grown = blobs.grow(key, cuts[i - 1], new ByteArrayInputStream(part), part.length, digest);
      key = grown.key();
      assertThat(grown.size()).isEqualTo(cuts[i]);
      assertThat(blobs.size(key)).isEqualTo(cuts[i]);
    }

    assertThat(Sha256.hex(digest)).isEqualTo(Sha256.hex(Sha256.digest().digest(content)));
    try (var in = blobs.load(key)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(partialUploads()).isZero();
  }

  @Test
  void growingCutsWhatAnUnrecordedWriteLeftAfterThePosition() throws IOException {
    var first = blobs.grow(null, 0, new ByteArrayInputStream(bytes(100)), 100, Sha256.digest());
    blobs.grow(first.key(), 100, new ByteArrayInputStream(new byte[50]), 50, Sha256.digest());

    var again =
        blobs.grow(first.key(), 100, new ByteArrayInputStream(bytes(10)), 10, Sha256.digest());
    var cut = blobs.grow(first.key(), 60, InputStream.nullInputStream(), 0, Sha256.digest()).size();

    assertThat(again.size()).isEqualTo(110);
    assertThat(cut).isEqualTo(60);
    try (var in = blobs.load(first.key())) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOf(bytes(100), 60));
    }
  }

  @Test
  void growingRefusesWhatItCannotDoAndKeepsWhatWasThere() throws IOException {
    var grown = blobs.grow(null, 0, new ByteArrayInputStream(bytes(100)), 100, Sha256.digest());
    var key = grown.key();
    var digest = Sha256.digest();

    assertThatThrownBy(() -> blobs.grow(key, 101, InputStream.nullInputStream(), 0, digest))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> blobs.grow(null, 5, InputStream.nullInputStream(), 0, digest))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> blobs.grow("0".repeat(32), 0, InputStream.nullInputStream(), 0, digest))
        .isInstanceOf(BlobNotFoundException.class);
    assertThatThrownBy(() -> blobs.grow(key, 100, new ByteArrayInputStream(bytes(11)), 10, digest))
        .isInstanceOf(BlobTooLargeException.class);
    assertThatThrownBy(
            () -> blobs.grow(key, 100, failingAfter(TestContent.ready(50, 1), 20), 50, digest))
        .isInstanceOf(IOException.class)
        .hasMessage("Connection reset");
    try (var in = blobs.load(key, 0, 100)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes(100));
    }
    assertNoHashingLeft();
  }

  @Test
  void aNewBlobWhoseContentFailsIsNotKept() throws IOException {
    assertThatThrownBy(
            () ->
                blobs.grow(
                    null, 0, failingAfter(TestContent.ready(50, 1), 20), 50, Sha256.digest()))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () -> blobs.grow(null, 0, new ByteArrayInputStream(bytes(11)), 10, Sha256.digest()))
        .isInstanceOf(BlobTooLargeException.class);

    var left = new ArrayList<String>();
    blobs.sweep(Instant.now().plusSeconds(60), left::add);
    assertThat(left).isEmpty();
  }

  private static byte[] bytes(int size) {
    var content = new byte[size];
    new SplittableRandom(size).nextBytes(content);
    return content;
  }

  /** {@code in} until {@code size} bytes were read, then an exception, as when a client leaves. */
  private static InputStream failingAfter(InputStream in, long size) {
    return new FilterInputStream(in) {
      long read;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (read >= size) {
          throw new IOException("Connection reset");
        }
        var n = super.read(b, off, (int) Math.min(len, size - read));
        read += n;
        return n;
      }
    };
  }

  /** No thread is hashing or waiting in a hasher (the hashing threads themselves may idle). */
  private static void assertNoHashingLeft() {
    await()
        .untilAsserted(
            () ->
                assertThat(Thread.getAllStackTraces().entrySet())
                    .noneMatch(
                        thread ->
                            Arrays.stream(thread.getValue())
                                .anyMatch(
                                    frame ->
                                        frame
                                            .getClassName()
                                            .startsWith(ChunkHasher.class.getName()))));
  }
}
