package dev.fileshare.inspection.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.inspection.ActiveContentPolicy;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.HostilePdfs;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * One uploader's costly documents (without a usable cross-reference table) wait among themselves:
 * while they hold the costly slots, another uploader's well-formed document is inspected.
 */
class InspectionFairnessTests {

  static final Set<String> PDF_ONLY = Set.of("application/pdf");
  static final UserId ALICE = new UserId(1);
  static final UserId BOB = new UserId(2);

  @TempDir Path dir;

  final CountDownLatch gate = new CountDownLatch(1);

  @Test
  @Timeout(120) // without fairness Bob would wait for the gate, which never opens
  void aWellFormedDocumentIsInspectedWhileAnotherUsersCostlyOnesHoldTheirSlots() throws Exception {
    var costly =
        Files.write(dir.resolve("no-xref.pdf"), HostilePdfs.withoutCrossReferences(1 << 20, 1));
    var wellFormed = Files.write(dir.resolve("ok.pdf"), HostilePdfs.wellFormed(1, 2));
    var pool = Executors.newCachedThreadPool();
    try (var inspector = inspector()) {
      var alices = new ArrayList<Future<String>>();
      for (var i = 0; i < 4; i++) {
        alices.add(pool.submit(() -> inspect(inspector, gated(costly), ALICE)));
      }
      await().until(() -> inspector.costlySlotsInUse() == 1);

      try (var channel = FileChannel.open(wellFormed)) {
        assertThat(inspector.inspect(channel, PDF_ONLY, BOB)).isEqualTo("application/pdf");
      }
      assertThat(alices).noneMatch(Future::isDone);

      gate.countDown();
      for (var alice : alices) {
        assertThat(alice.get()).isEqualTo("application/pdf");
      }
    } finally {
      gate.countDown();
      pool.shutdownNow();
    }
  }

  PdfDocumentInspector inspector() {
    return new PdfDocumentInspector(
        new InspectionSettings(
            Duration.ofSeconds(60), 2, 1, 1, DataSize.ofMegabytes(64), ActiveContentPolicy.FLAG));
  }

  static String inspect(PdfDocumentInspector inspector, SeekableByteChannel channel, UserId who)
      throws IOException {
    try (channel) {
      return inspector.inspect(channel, PDF_ONLY, who);
    }
  }

  SeekableByteChannel gated(Path file) throws IOException {
    return new Gated(FileChannel.open(file), gate);
  }

  /**
   * A file whose reads on the inspector's threads (the parse) wait until the gate opens; the first
   * checks read on the caller's thread, and a document larger than the reader's buffer makes the
   * parse read again.
   */
  record Gated(FileChannel file, CountDownLatch gate) implements SeekableByteChannel {
    @Override
    public int read(ByteBuffer dst) throws IOException {
      if (Thread.currentThread().getName().startsWith("pdf-inspection-")) {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException();
        }
      }
      return file.read(dst);
    }

    @Override
    public int write(ByteBuffer src) {
      throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
      return file.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
      file.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return file.isOpen();
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
