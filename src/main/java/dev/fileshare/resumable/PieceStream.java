package dev.fileshare.resumable;

import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * The pieces of an upload read one after the other as one stream, each opened, from the store it is
 * in, only when the one before has ended. Failures of storage, and a lost hold, surface as {@link
 * UncheckedIOException} so that whoever reads this stream does not take them for a client that went
 * away.
 */
final class PieceStream extends InputStream {

  private final BlobStoreRegistry stores;
  private final Iterator<Piece> pieces;
  private final Hold hold;
  private InputStream current;

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
        if (current == null) {
          if (!pieces.hasNext()) {
            return -1;
          }
          var piece = pieces.next();
          current = stores.get(piece.store()).load(piece.blobKey());
        }
        var n = current.read(buffer, offset, length);
        if (n >= 0) {
          return n;
        }
        current.close();
        current = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
