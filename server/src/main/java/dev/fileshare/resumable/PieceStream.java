package dev.fileshare.resumable;

import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The pieces of an upload read one after the other as one stream, each opened, from the store it is
 * in, only when the one before has ended, and each only as far as its recorded length (a grown
 * piece may have more after it, written and never recorded). Failures of storage, and a lost hold,
 * surface as {@link UncheckedIOException} so that whoever reads this stream does not take them for
 * a client that went away.
 */
final class PieceStream extends InputStream {

  private final BlobStoreRegistry stores;
  private final Iterator<Piece> pieces;
  private final Hold hold;
  private @Nullable InputStream current;

  PieceStream(BlobStoreRegistry stores, List<Piece> pieces, Hold hold) {
    this.stores = stores;
    this.pieces = pieces.iterator();
    this.hold = hold;
  }

  @Override
  public int read() {
    var one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    try {
      while (true) {
        if (hold.lost()) {
          throw new PieceInput.LostHoldException();
        }
        var stream = current;
        if (stream == null) {
          if (!pieces.hasNext()) {
            return -1;
          }
          var piece = pieces.next();
          stream = stores.get(piece.store()).load(piece.blobKey(), 0, piece.length());
          current = stream;
        }
        var n = stream.read(buffer, offset, length);
        if (n >= 0) {
          return n;
        }
        current = null;
        stream.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    var stream = current;
    current = null;
    if (stream != null) {
      stream.close();
    }
  }
}
