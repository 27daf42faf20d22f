package dev.fileshare.resumable;

import dev.fileshare.files.FileChanges;
import dev.fileshare.files.FileView;
import dev.fileshare.files.StagedUpload;
import dev.fileshare.files.UploadService;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.Sha256;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobStore.BlobPart;
import dev.fileshare.storage.BlobStore.StoredBlob;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a complete upload a file: its pieces are read in order as one stream into {@link
 * UploadService}, with the same checks and the same kind of record as {@code POST /api/files/};
 * then the pieces are removed. An upload that is one piece (it came in one request, or grew in
 * place over many) is not copied: the file takes over the piece's blob, checked in place. Each
 * piece is read from, and removed from, the store it names. Also removes uploads that are given up.
 */
@Component
class Assembly {

  private static final Logger log = LoggerFactory.getLogger(Assembly.class);

  private final UploadRows rows;
  private final PieceRows pieces;
  private final UploadQuota quota;
  private final BlobStoreRegistry stores;
  private final RunningDigestCache digests;
  private final UploadService uploads;
  private final ResumableSettings settings;
  private final Clock clock;

  Assembly(
      UploadRows rows,
      PieceRows pieces,
      UploadQuota quota,
      BlobStoreRegistry stores,
      RunningDigestCache digests,
      UploadService uploads,
      ResumableSettings settings,
      Clock clock) {
    this.rows = rows;
    this.pieces = pieces;
    this.quota = quota;
    this.stores = stores;
    this.digests = digests;
    this.uploads = uploads;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Makes the file of a complete upload the caller holds; the file takes over the bytes the upload
   * reserved. Content that is refused (a client error: not an accepted type, say; or no room in the
   * quota, answered as 413) ends the upload, since sending it again would not help; a failure of
   * the server leaves it complete, to be made a file at the next request.
   */
  FileView complete(Uploader uploader, UploadRow row, Hold hold) throws IOException {
    var stored = pieces.of(row.id());
    checkWhole(row, stored);
    var metadata = UploadMetadata.parse(row.metadata());
    FileView file;
    try {
      file = make(uploader, row, stored, hold, metadata);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof PieceInput.LostHoldException) {
        throw UploadProblems.locked();
      }
      throw e.getCause();
    } catch (ApiException e) {
      var refused = UploadQuota.overQuota(e);
      if (refused.status().is4xxClientError()) {
        remove(hold, stored);
      }
      throw refused;
    }
    if (!rows.finish(row.id(), hold.token(), file.id(), expiry())) {
      log.warn("Upload {} became file {} after its hold ran out", row.id(), file.id());
    }
    hold.stopRenewing();
    digests.forget(row.id());
    pieces.deleteAll(row.id());
    deleteBlobs(stored);
    return file;
  }

  /** A signed-in user's own file, or the file a target makes of the upload. */
  private FileView make(
      Uploader uploader, UploadRow row, List<Piece> stored, Hold hold, UploadMetadata metadata)
      throws IOException {
    var target = uploader.target();
    var limit = target.map(UploadTarget::maxBytes).orElse(Long.MAX_VALUE);
    try (var stream = new PieceStream(stores, stored, hold);
        var staged = stage(row, stored, stream, hold, metadata.filename(), limit)) {
      staged.reservedBy(quota.reservation(row.id()));
      if (target.isPresent()) {
        return target.get().complete(staged, metadata.values());
      }
      var caller = uploader.user().orElseThrow();
      return uploads.create(caller, staged, new FileChanges(null, metadata.visibility()));
    }
  }

  /**
   * The upload's bytes staged for its file, from its pieces in the store new blobs go to: one piece
   * as it is stored (the file takes its blob over, and the piece's row goes; a grown piece is cut
   * to its recorded length first); several put together by the store, where it can (S3's
   * UploadPartCopy); any other read from its pieces into a blob of its own in that store. The
   * upload's SHA-256 is this node's running digest, or the one in the piece's row, or else the
   * pieces are read for it.
   */
  private StagedUpload stage(
      UploadRow row, List<Piece> stored, PieceStream stream, Hold hold, String filename, long limit)
      throws IOException {
    var current = stores.currentName();
    var blobs = stores.get(current);
    var parts =
        stored.stream().map(piece -> new BlobPart(piece.blobKey(), piece.length())).toList();
    var digest =
        digests.take(row.id(), stored.get(stored.size() - 1).blobKey(), row.uploadLength());
    var here = stored.stream().allMatch(piece -> piece.store().equals(current));
    Optional<StagedUpload> staged = Optional.empty();
    if (here && stored.size() == 1) {
      var piece = stored.get(0);
      if (blobs.canGrow()) {
        cutToLength(blobs, piece);
      }
      var sha256 = sha256(digest, piece.sha256(), stored, hold);
      var blob = new StoredBlob(piece.blobKey(), piece.length(), sha256);
      staged = uploads.adopt(current, blob, filename, limit);
    } else if (here && blobs.canCompose(parts)) {
      var sha256 = sha256(digest, null, stored, hold);
      staged = uploads.stageStored(current, blobs.compose(parts, sha256), filename, limit);
    }
    if (staged.isEmpty()) {
      return uploads.stage(stream, filename, limit);
    }
    if (hold.lost()) {
      staged.get().close();
      throw UploadProblems.locked();
    }
    return staged.get();
  }

  /**
   * Drops what a grown piece has after its recorded length: bytes of a write that was never
   * recorded (the writer lost its hold, or its client's checksum did not match).
   */
  private static void cutToLength(BlobStore blobs, Piece piece) throws IOException {
    if (blobs.size(piece.blobKey()) != piece.length()) {
      blobs.grow(
          piece.blobKey(), piece.length(), InputStream.nullInputStream(), 0, Sha256.digest());
    }
  }

  /**
   * The upload's SHA-256: from this node's running digest, else as recorded, else read from the
   * pieces (the upload had a piece written on another node, or before a restart).
   */
  private String sha256(
      @Nullable MessageDigest running, @Nullable String recorded, List<Piece> stored, Hold hold)
      throws IOException {
    if (running != null) {
      return Sha256.hex(running);
    }
    if (recorded != null) {
      return recorded;
    }
    var digest = Sha256.digest();
    try (var in = new PieceStream(stores, stored, hold)) {
      var buffer = new byte[256 * 1024];
      for (var n = in.read(buffer, 0, buffer.length);
          n >= 0;
          n = in.read(buffer, 0, buffer.length)) {
        digest.update(buffer, 0, n);
      }
    }
    return Sha256.hex(digest);
  }

  /** Removes the upload the caller holds, and its pieces, giving back what it reserved. */
  void remove(Hold hold) {
    remove(hold, pieces.of(hold.id()));
  }

  private void remove(Hold hold, List<Piece> stored) {
    digests.forget(hold.id());
    if (quota.delete(hold)) {
      hold.stopRenewing();
      deleteBlobs(stored);
    }
  }

  long expiry() {
    return clock.millis() + settings.expiration().toMillis();
  }

  /**
   * Removes the pieces' blobs, except one a file took over (only the piece of an upload that came
   * in one can be). A failure to delete leaves the blob to the orphan sweeper: no row refers to it
   * any more.
   */
  private void deleteBlobs(List<Piece> stored) {
    for (var piece : stored) {
      try {
        if (stored.size() > 1 || !uploads.references(piece.store(), piece.blobKey())) {
          stores.get(piece.store()).delete(piece.blobKey());
        }
      } catch (IOException | RuntimeException e) {
        log.warn(
            "Could not remove piece {} from the {} store; the sweeper will",
            piece.blobKey(),
            piece.store(),
            e);
      }
    }
  }

  private static void checkWhole(UploadRow row, List<Piece> stored) {
    long next = 0;
    for (var piece : stored) {
      if (piece.offset() != next) {
        throw new IllegalStateException("Upload " + row.id() + " misses bytes at " + next);
      }
      next += piece.length();
    }
    if (next != row.uploadLength()) {
      throw new IllegalStateException("Upload " + row.id() + " has " + next + " bytes, not all");
    }
  }
}
