package dev.fileshare.inspection.pdf;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccess;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.io.RandomAccessStreamCache;

/**
 * Where PDFBox keeps the streams it decodes while one document is read: temporary files only (so
 * memory does not grow with the document), at most {@code budget} bytes for the whole document (so
 * a small compressed stream that inflates to gigabytes fills neither memory nor disk: its writing
 * fails once the budget is spent). Closing it removes the temporary files.
 */
final class BoundedStreamCache implements RandomAccessStreamCache {

  /** Thrown when a document decodes to more than its budget. */
  static final class BudgetExceededException extends IOException {
    BudgetExceededException(long budget) {
      super("The document decodes to more than " + budget + " bytes");
    }
  }

  private final RandomAccessStreamCache files;
  private final long budget;
  private final AtomicLong written = new AtomicLong();

  private BoundedStreamCache(RandomAccessStreamCache files, long budget) {
    this.files = files;
    this.budget = budget;
  }

  /** A cache function for {@code Loader.loadPDF} that gives every document {@code budget}. */
  static RandomAccessStreamCache.StreamCacheCreateFunction of(long budget) {
    var files = IOUtils.createTempFileOnlyStreamCache();
    return () -> new BoundedStreamCache(files.create(), budget);
  }

  @Override
  public RandomAccess createBuffer() throws IOException {
    return new Counted(files.createBuffer());
  }

  @Override
  public void close() throws IOException {
    files.close();
  }

  private void spend(long bytes) throws IOException {
    if (written.addAndGet(bytes) > budget) {
      throw new BudgetExceededException(budget);
    }
  }

  /** One buffer whose writes count against the document's budget. */
  private final class Counted implements RandomAccess {
    private final RandomAccess buffer;

    Counted(RandomAccess buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(int b) throws IOException {
      spend(1);
      buffer.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
      spend(b.length);
      buffer.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      spend(len);
      buffer.write(b, off, len);
    }

    @Override
    public void clear() throws IOException {
      buffer.clear();
    }

    @Override
    public int read() throws IOException {
      return buffer.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return buffer.read(b, off, len);
    }

    @Override
    public long getPosition() throws IOException {
      return buffer.getPosition();
    }

    @Override
    public void seek(long position) throws IOException {
      buffer.seek(position);
    }

    @Override
    public long length() throws IOException {
      return buffer.length();
    }

    @Override
    public boolean isClosed() {
      return buffer.isClosed();
    }

    @Override
    public boolean isEOF() throws IOException {
      return buffer.isEOF();
    }

    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength)
        throws IOException {
      return buffer.createView(startPosition, streamLength);
    }

    @Override
    public void close() throws IOException {
      buffer.close();
    }
  }
}
