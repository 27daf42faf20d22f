package dev.fileshare.inspection.pdf;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Bounds how many bytes PDFBox may decode for one document. PDFBox decodes cross-reference and
 * object streams whole into memory, with no limit of its own, so a small Flate stream that inflates
 * to gigabytes would fill the heap of the whole server, and closing the document's reader would not
 * stop it (the inflating runs on bytes already read). Each of PDFBox's filters is wrapped once, at
 * class initialisation, in one that counts what it writes against the budget of the thread that
 * decodes, and fails that decoding once the budget is spent. A thread without a budget decodes as
 * before.
 *
 * <p>PDFBox offers no way to choose its filters, so the wrapping replaces the values of its filter
 * registry ({@code FilterFactory.filters}) by reflection; {@code PdfInspectionLimitsTests} refuses
 * a decompression bomb, so a PDFBox that moves the registry fails the build instead of the server.
 */
final class DecodeBudget {

  /** Thrown when a document decodes to more than its budget. */
  static final class ExceededException extends IOException {
    ExceededException(long budget) {
      super("The document decodes to more than " + budget + " bytes");
    }
  }

  private static final ThreadLocal<long[]> left = new ThreadLocal<>();

  static {
    install();
  }

  /**
   * What reading a stored document in the background may decode: the content of every page, so more
   * than the upload's check; still bounded, so that a bomb in a content stream fails that document
   * instead of filling the disk or running until the timeout.
   */
  static final long BACKGROUND_BYTES = 1L << 30;

  private DecodeBudget() {}

  /** {@link #within}, for work that throws only I/O errors. */
  static <T> T io(long bytes, Callable<T> work) throws IOException {
    try {
      return within(bytes, work);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /**
   * Runs {@code work} with at most {@code bytes} decoded on this thread.
   *
   * @throws ExceededException if the budget was spent, even when PDFBox caught the failed decoding
   *     and went on (it repairs what it cannot read): a document that tried is refused
   */
  static <T> T within(long bytes, Callable<T> work) throws Exception {
    var budget = new long[] {bytes, bytes};
    left.set(budget);
    try {
      var result = work.call();
      if (budget[0] < 0) {
        throw new ExceededException(bytes);
      }
      return result;
    } catch (Exception | StackOverflowError e) {
      if (budget[0] < 0) {
        throw new ExceededException(bytes);
      }
      throw e;
    } finally {
      left.remove();
    }
  }

  private static void spend(int bytes) throws ExceededException {
    var budget = left.get();
    if (budget != null) {
      budget[0] -= bytes;
      if (budget[0] < 0) {
        throw new ExceededException(budget[1]);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void install() {
    try {
      var field = FilterFactory.class.getDeclaredField("filters");
      field.setAccessible(true);
      var filters = (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
      synchronized (filters) {
        filters.replaceAll(
            (name, filter) -> filter instanceof Counted ? filter : new Counted(filter));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("PDFBox's filters cannot be bounded", e);
    }
  }

  /** A filter whose decoded output counts against the thread's budget. */
  private static final class Counted extends Filter {
    private final Filter filter;

    Counted(Filter filter) {
      this.filter = filter;
    }

    @Override
    public DecodeResult decode(
        InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
        throws IOException {
      return filter.decode(encoded, new Counting(decoded), parameters, index);
    }

    @Override
    public DecodeResult decode(
        InputStream encoded,
        OutputStream decoded,
        COSDictionary parameters,
        int index,
        DecodeOptions options)
        throws IOException {
      return filter.decode(encoded, new Counting(decoded), parameters, index, options);
    }

    @Override
    protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters)
        throws IOException {
      filter.encode(input, encoded, parameters, 0);
    }
  }

  private static final class Counting extends FilterOutputStream {
    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      spend(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      spend(len);
      out.write(b, off, len);
    }
  }
}
