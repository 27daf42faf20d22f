package dev.fileshare.resumable;

import dev.fileshare.shared.Sha256;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.storage.BlobTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the body of one PATCH, durable before it is recorded. Where the store can grow blobs, the
 * body extends the upload's last piece in place, so an upload sent in many requests is one blob
 * when its last byte is in and nothing is copied; the piece's row grows with the upload's offset in
 * one transaction. Elsewhere (S3), and after taking the upload over from a writer whose lease ran
 * out (it may still be writing into the last piece what it will never record), the body becomes a
 * new piece, a blob of its own in the store new blobs go to. Either way the upload's SHA-256 runs
 * on over the body when this node has it so far ({@link RunningDigestCache}). A body whose checksum
 * does not match, or that arrives after the writer lost its hold, is never recorded: a new piece is
 * removed, and what it added to a grown one is cut off by the next write.
 */
@Component
class PieceWriter {

  private static final Logger log = LoggerFactory.getLogger(PieceWriter.class);

  private final UploadRows rows;
  private final PieceRows pieces;
  private final BlobStoreRegistry stores;
  private final RunningDigestCache digests;
  private final Assembly assembly;
  private final ResumableSettings settings;
  private final TransactionTemplate transactions;

  PieceWriter(
      UploadRows rows,
      PieceRows pieces,
      BlobStoreRegistry stores,
      RunningDigestCache digests,
      Assembly assembly,
      ResumableSettings settings,
      TransactionTemplate transactions) {
    this.rows = rows;
    this.pieces = pieces;
    this.stores = stores;
    this.digests = digests;
    this.assembly = assembly;
    this.settings = settings;
    this.transactions = transactions;
  }

  /**
   * Stores and records the body at the upload's offset; empty if the body was empty. The answer is
   * the body's place in the upload: a piece of its own, or the part of the last piece it grew.
   *
   * @param sha256 the hex SHA-256 the body must have, or {@code null} if the client sent none
   */
  Optional<Piece> store(UploadRow row, Hold hold, InputStream content, @Nullable String sha256)
      throws IOException {
    var store = stores.currentName();
    var blobs = stores.get(store);
    var last = pieces.last(row.id());
    var grown =
        last.filter(
            piece ->
                blobs.canGrow()
                    && !hold.tookOver()
                    && piece.store().equals(store)
                    && piece.offset() + piece.length() == row.uploadOffset());
    if (grown.isEmpty() && pieces.count(row.id()) >= settings.maxPieces()) {
      throw UploadProblems.tooManyPieces(settings.maxPieces());
    }
    var running =
        row.uploadOffset() == 0
            ? Sha256.digest()
            : last.map(piece -> digests.take(row.id(), piece.blobKey(), row.uploadOffset()))
                .orElse(null);
    var input = new PieceInput(content, hold, sha256 == null);
    if (blobs.canGrow()) {
      var body = new Body(row, input, input);
      if (body.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(grow(body, hold, blobs, store, grown.orElse(null), running, sha256));
    }
    var body =
        new Body(row, input, running == null ? input : new DigestInputStream(input, running));
    if (body.isEmpty()) {
      return Optional.empty();
    }
    var blob = body.write(() -> blobs.store(body.stream, body.remaining()));
    if (sha256 != null && !sha256.equals(blob.sha256())) {
      forget(row, blobs, blob.key(), true);
      throw UploadProblems.checksumMismatch();
    }
    var piece = new Piece(row.uploadOffset(), blob.size(), store, blob.key(), blob.sha256());
    if (running != null) {
      digests.keep(row.id(), blob.key(), row.uploadOffset() + blob.size(), running);
    }
    if (!record(row, hold, piece, () -> pieces.insert(row.id(), piece))) {
      forget(row, blobs, blob.key(), true);
      throw UploadProblems.locked();
    }
    return Optional.of(piece);
  }

  /**
   * Writes the body into {@code last} if given, else into a new piece, going on with the digest of
   * the upload so far when this node has it.
   */
  private Piece grow(
      Body body,
      Hold hold,
      BlobStore blobs,
      String store,
      @Nullable Piece last,
      @Nullable MessageDigest running,
      @Nullable String sha256)
      throws IOException {
    var row = body.row;
    var own = sha256 == null ? null : Sha256.digest();
    MessageDigest digest;
    if (running == null) {
      digest = own == null ? new NoDigest() : own;
    } else {
      digest = own == null ? running : new TwoDigests(running, own);
    }
    var key = last == null ? null : last.blobKey();
    var position = last == null ? 0 : last.length();
    var blob = body.write(() -> blobs.grow(key, position, body.stream, body.remaining(), digest));
    if (own != null && !Sha256.hex(own).equals(sha256)) {
      forget(row, blobs, blob.key(), last == null);
      throw UploadProblems.checksumMismatch();
    }
    var offset = last == null ? row.uploadOffset() : last.offset();
    var end = offset + blob.size();
    var upToHere = running == null ? null : digests.keep(row.id(), blob.key(), end, running);
    // the upload's SHA-256 so far is the piece's own only when the piece starts the upload
    var whole = offset == 0 ? upToHere : null;
    var added = new Piece(row.uploadOffset(), blob.size() - position, store, blob.key(), sha256);
    var recorded =
        record(
            row,
            hold,
            added,
            () -> {
              if (last == null) {
                pieces.insert(row.id(), new Piece(offset, blob.size(), store, blob.key(), whole));
              } else {
                pieces.grow(row.id(), offset, blob.size(), whole);
              }
            });
    if (!recorded) {
      forget(row, blobs, blob.key(), last == null);
      throw UploadProblems.locked();
    }
    return added;
  }

  /**
   * Moves the upload's offset past the body and records its piece, if the holder still holds it.
   */
  private boolean record(UploadRow row, Hold hold, Piece body, Runnable recordPiece) {
    var expires = assembly.expiry();
    return Boolean.TRUE.equals(
        transactions.execute(
            status -> {
              if (!rows.advance(row.id(), hold.token(), body, expires)) {
                return false;
              }
              recordPiece.run();
              return true;
            }));
  }

  /** Drops what a body that is not recorded left: its digest, and its blob if it started one. */
  private void forget(UploadRow row, BlobStore blobs, String key, boolean newBlob) {
    digests.forget(row.id());
    if (newBlob) {
      discard(blobs, key);
    }
  }

  private static void discard(BlobStore blobs, String key) {
    try {
      blobs.delete(key);
    } catch (IOException | RuntimeException e) {
      log.warn("Could not remove piece {}; the sweeper will", key, e);
    }
  }

  /** A write of the body into a blob. */
  private interface Write<T> {
    T run() throws IOException;
  }

  /** The body of one PATCH, and how failures to read or write it are answered. */
  private static final class Body {

    final UploadRow row;
    final PieceInput input;
    final PushbackInputStream stream;

    /** The body {@code input}, read through {@code read} (which may hash it on the way). */
    Body(UploadRow row, PieceInput input, InputStream read) {
      this.row = row;
      this.input = input;
      this.stream = new PushbackInputStream(read, 1);
    }

    /** The most bytes the body may have: what the upload still lacks. */
    long remaining() {
      return row.uploadLength() - row.uploadOffset();
    }

    boolean isEmpty() throws IOException {
      return write(
          () -> {
            var first = stream.read();
            if (first < 0) {
              return true;
            }
            stream.unread(first);
            return false;
          });
    }

    <T> T write(Write<T> write) throws IOException {
      try {
        return write.run();
      } catch (BlobTooLargeException e) {
        throw UploadProblems.tooMuch(remaining());
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
  }
}
