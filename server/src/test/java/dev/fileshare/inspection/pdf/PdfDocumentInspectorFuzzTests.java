package dev.fileshare.inspection.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fileshare.inspection.ActiveContentPolicy;
import dev.fileshare.inspection.DocumentInspector.UnacceptableContentException;
import dev.fileshare.shared.UserId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.springframework.util.unit.DataSize;

/**
 * Coverage-guided fuzzing of the upload's PDF check, PDFBox and our decode budget included, with
 * the policy that refuses active content (so the scan runs too). Whatever the bytes, the check
 * accepts them as a PDF or refuses them with its refusal type, within its timeout: never another
 * exception (a 500), never a parse that outlives its budget.
 */
class PdfDocumentInspectorFuzzTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** A small decode budget, so that inputs reach it. */
  private static final PdfDocumentInspector inspector =
      new PdfDocumentInspector(
          new InspectionSettings(
              TIMEOUT, 1, 1, 1, DataSize.ofMegabytes(1), ActiveContentPolicy.REJECT));

  @AfterAll
  static void close() {
    inspector.close();
  }

  /** Input: the document. */
  @FuzzTest
  void acceptedOrRefusedInTime(byte[] document) throws IOException {
    var started = System.nanoTime();
    try {
      assertThat(inspector.inspect(new Bytes(document), Set.of("application/pdf"), new UserId(1)))
          .isEqualTo("application/pdf");
    } catch (UnacceptableContentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusSeconds(2));
  }

  /** The document in memory, read only. */
  private static final class Bytes implements SeekableByteChannel {
    private final byte[] data;
    private long position;
    private boolean open = true;

    Bytes(byte[] data) {
      this.data = data;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      ensureOpen();
      if (position >= data.length) {
        return -1;
      }
      var n = (int) Math.min(dst.remaining(), data.length - position);
      dst.put(data, (int) position, n);
      position += n;
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
      ensureOpen();
      return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
      ensureOpen();
      position = newPosition;
      return this;
    }

    @Override
    public long size() throws IOException {
      ensureOpen();
      return data.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }

    private void ensureOpen() throws IOException {
      if (!open) {
        throw new ClosedChannelException();
      }
    }
  }
}
