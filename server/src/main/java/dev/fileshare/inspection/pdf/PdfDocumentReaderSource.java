package dev.fileshare.inspection.pdf;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.CancellationException;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * The document as {@link PdfDocumentReader} gives it to PDFBox: a {@link ChannelRandomAccessRead}
 * that stops every read once the reading thread is interrupted, with an unchecked exception. PDFBox
 * logs and skips an object it cannot read (an {@link IOException}), so a closed channel alone would
 * let a walk over every object of a large document go on to its end.
 */
final class PdfDocumentReaderSource implements RandomAccessRead {

  private final ChannelRandomAccessRead source;

  PdfDocumentReaderSource(SeekableByteChannel channel) throws IOException {
    this.source = new ChannelRandomAccessRead(channel);
  }

  private void ensureGoingOn() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("Stopped reading the document");
    }
  }

  @Override
  public int read() throws IOException {
    ensureGoingOn();
    return source.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    ensureGoingOn();
    return source.read(b, off, len);
  }

  @Override
  public long getPosition() throws IOException {
    return source.getPosition();
  }

  @Override
  public void seek(long position) throws IOException {
    ensureGoingOn();
    source.seek(position);
  }

  @Override
  public long length() throws IOException {
    return source.length();
  }

  @Override
  public boolean isClosed() {
    return source.isClosed();
  }

  @Override
  public boolean isEOF() throws IOException {
    return source.isEOF();
  }

  @Override
  public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
    ensureGoingOn();
    return new RandomAccessReadView(this, startPosition, streamLength);
  }

  @Override
  public void close() {
    source.close();
  }
}
