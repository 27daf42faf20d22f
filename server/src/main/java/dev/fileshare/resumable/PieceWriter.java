package dev.fileshare.resumable;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.storage.BlobTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the body of one PATCH as a piece: a blob of its own in the store new blobs go to, durable
 * before it is recorded; then, in one transaction, the piece's row (naming that store) and the
 * upload's new offset. A body whose checksum does not match, or that arrives after the writer lost
 * its hold, is removed and never recorded.
 */
@Component
class PieceWriter {

  private static final Logger log = LoggerFactory.getLogger(PieceWriter.class);

  private final UploadRows rows;
  private final PieceRows pieces;
  private final BlobStoreRegistry stores;
  private final Assembly assembly;
  private final ResumableSettings settings;
  private final TransactionTemplate transactions;

  PieceWriter(
      UploadRows rows,
      PieceRows pieces,
      BlobStoreRegistry stores,
      Assembly assembly,
      ResumableSettings settings,
      TransactionTemplate transactions) {
    this.rows = rows;
    this.pieces = pieces;
    this.stores = stores;
    this.assembly = assembly;
    this.settings = settings;
    this.transactions = transactions;
  }

  /**
   * Stores and records the body at the upload's offset; empty if the body was empty.
   *
   * @param sha256 the hex SHA-256 the body must have, or {@code null} if the client sent none
   */
  Optional<Piece> store(UploadRow row, Hold hold, InputStream body, @Nullable String sha256)
      throws IOException {
    if (pieces.count(row.id()) >= settings.maxPieces()) {
      throw UploadProblems.tooManyPieces(settings.maxPieces());
    }
    var remaining = row.uploadLength() - row.uploadOffset();
    var input = new PieceInput(body, hold, sha256 == null);
    var store = stores.currentName();
    var blobs = stores.get(store);
    var stored = storeBlob(blobs, new PushbackInputStream(input, 1), remaining, input);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    var blob = stored.get();
    if (sha256 != null && !sha256.equals(blob.sha256())) {
      discard(blobs, blob.key());
      throw UploadProblems.checksumMismatch();
    }
    var piece = new Piece(row.uploadOffset(), blob.size(), store, blob.key(), blob.sha256());
    var expires = assembly.expiry();
    var recorded =
        Boolean.TRUE.equals(
            transactions.execute(
                status -> {
                  if (!rows.advance(row.id(), hold.token(), piece, expires)) {
                    return false;
                  }
                  pieces.insert(row.id(), piece);
                  return true;
                }));
    if (!recorded) {
      discard(blobs, blob.key());
      throw UploadProblems.locked();
    }
    return Optional.of(piece);
  }

  /** The stored body; empty if the body was empty. */
  private static Optional<BlobStore.StoredBlob> storeBlob(
      BlobStore blobs, PushbackInputStream body, long remaining, PieceInput input)
      throws IOException {
    try {
      var first = body.read();
      if (first < 0) {
        return Optional.empty();
      }
      body.unread(first);
      return Optional.of(blobs.store(body, remaining));
    } catch (BlobTooLargeException e) {
      throw UploadProblems.tooMuch(remaining);
    } catch (PieceInput.LostHoldException e) {
      throw UploadProblems.locked();
    } catch (IOException e) {
      if (input.clientFailed()) {
        log.debug("Upload body could not be read", e);
        throw UploadProblems.interrupted();
      }
      throw e;
    }
  }

  private static void discard(BlobStore blobs, String key) {
    try {
      blobs.delete(key);
    } catch (IOException | RuntimeException e) {
      log.warn("Could not remove piece {}; the sweeper will", key, e);
    }
  }
}
