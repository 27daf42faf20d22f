package dev.fileshare.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class ChunkHasherTests {

  @Test
  void hashesChunksInTheOrderTheyAreHandedOver() throws Exception {
    var random = new SplittableRandom(1);
    var expected = MessageDigest.getInstance("SHA-256");
    try (var threads = new HashingThreads();
        var hasher = new ChunkHasher(threads, 1000, 2)) {
      for (var i = 0; i < 200; i++) {
        var buffer = hasher.next(true);
        var length = random.nextInt(buffer.length + 1);
        random.nextBytes(buffer);
        expected.update(buffer, 0, length);
        hasher.hash(buffer, length);
      }
      assertThat(hasher.finish()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
    }
  }

  @Test
  void handsOutOneBufferUntilTheSourceHasMoreReady() throws IOException {
    var tasks = new ArrayList<Runnable>();
    var hasher = new ChunkHasher(sha256(), tasks::add, 10, 3);
    try {
      var first = hasher.next(false);
      hasher.hash(first, 10);
      var second = hasher.next(true);
      hasher.hash(second, 10);
      var third = hasher.next(true);
      hasher.hash(third, 10);

      assertThat(second).isNotSameAs(first);
      assertThat(third).isNotSameAs(first).isNotSameAs(second);
      runAll(tasks);
      var again = hasher.next(true);
      assertThat(again == first || again == second || again == third).isTrue();
    } finally {
      runAll(tasks);
      hasher.close();
    }
  }

  @Test
  void aFailureOfTheDigestSurfacesInTheCaller() throws IOException {
    var failing = new FailingDigest();
    try (var hasher = new ChunkHasher(failing, Runnable::run, 10, 2)) {
      hasher.hash(hasher.next(false), 5);

      assertThatThrownBy(hasher::finish)
          .isInstanceOf(IOException.class)
          .hasRootCauseMessage("the digest broke");
      assertThatThrownBy(() -> hasher.next(true)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void noThreadToHashOnIsAnIOException() throws IOException {
    Executor none =
        task -> {
          throw new RejectedExecutionException("shut down");
        };
    try (var hasher = new ChunkHasher(sha256(), none, 10, 2)) {
      var buffer = hasher.next(false);

      assertThatThrownBy(() -> hasher.hash(buffer, 5))
          .isInstanceOf(IOException.class)
          .hasRootCauseInstanceOf(RejectedExecutionException.class);
    }
  }

  @Test
  void anInterruptedWaitForABufferIsAnInterruptedIOException() throws IOException {
    var tasks = new ArrayList<Runnable>();
    var hasher = new ChunkHasher(sha256(), tasks::add, 10, 1);
    hasher.hash(hasher.next(true), 10);

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> hasher.next(true)).isInstanceOf(InterruptedIOException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    runAll(tasks);
    hasher.close();
  }

  @Test
  void closeDropsWhatIsNotHashedYetAndWaitsForTheChunkBeingHashed() throws Exception {
    var tasks = new ArrayList<Runnable>();
    var failing = new FailingDigest();
    var hasher = new ChunkHasher(failing, tasks::add, 10, 2);
    hasher.hash(hasher.next(true), 10);
    hasher.hash(hasher.next(true), 10);
    var caller = Thread.currentThread();
    // the hashing task starts only once close() waits for it
    var late =
        new Thread(
            () -> {
              await().until(() -> caller.getState() == Thread.State.WAITING);
              runAll(tasks);
            });
    late.start();

    hasher.close();

    late.join();
    assertThat(failing.updates).isZero();
  }

  private static void runAll(List<Runnable> tasks) {
    while (!tasks.isEmpty()) {
      tasks.remove(0).run();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A digest that fails on every update, and counts them. */
  private static final class FailingDigest extends MessageDigest {
    int updates;

    FailingDigest() {
      super("failing");
    }

    @Override
    protected void engineUpdate(byte input) {
      engineUpdate(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
      updates++;
      throw new IllegalStateException("the digest broke");
    }

    @Override
    protected byte[] engineDigest() {
      return new byte[0];
    }

    @Override
    protected void engineReset() {}
  }
}
