package dev.fileshare.files.migration;

import dev.fileshare.files.FileLocations;
import dev.fileshare.files.FileLocations.Located;
import dev.fileshare.shared.Sha256;
import dev.fileshare.storage.BlobNotFoundException;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves the bytes of one row (a file's current content, or one of its versions): copies its blob to
 * the target store, checks the copy's SHA-256 and size against the row twice (as written, and read
 * back from the target), and points the row at the copy. The old blob is the caller's to {@link
 * #retire} once no node can still be about to read it. A crash at any step leaves the row readable
 * where it says; what it leaves behind is a blob no row refers to, which the sweeper removes.
 */
@Component
class FileMover {

  private static final Logger log = LoggerFactory.getLogger(FileMover.class);
  private static final int BUFFER = 256 * 1024;

  /** What became of one row. */
  enum Outcome {
    /** It now points at the verified copy in the target store. */
    MOVED,
    /** It was replaced, restored, moved or deleted meanwhile; a later pass looks at it again. */
    CHANGED,
    /** Its bytes could not be copied or did not match its row; it stays where it is. */
    FAILED
  }

  private final BlobStoreRegistry stores;

  FileMover(BlobStoreRegistry stores) {
    this.stores = stores;
  }

  /** Moves the bytes of the row {@code file} of {@code locations} to the named store. */
  Outcome move(FileLocations locations, Located file, String targetName) {
    var source = stores.get(file.store());
    var target = stores.get(targetName);
    BlobStore.StoredBlob copy;
    try (var in = source.load(file.blobKey())) {
      copy = target.store(in, Long.MAX_VALUE);
    } catch (BlobNotFoundException e) {
      return failedUnlessChanged(
          locations, file, "its blob is missing from the " + file.store() + " store");
    } catch (IOException | RuntimeException e) {
      log.error(
          "{} {}: copying its blob to the {} store failed",
          name(locations),
          file.id(),
          targetName,
          e);
      return Outcome.FAILED;
    }
    var problem = check(file, copy, target);
    if (problem.isPresent()) {
      discard(target, copy.key());
      return failedUnlessChanged(locations, file, problem.get());
    }
    if (!locations.move(file.id(), file.store(), file.blobKey(), targetName, copy.key())) {
      discard(target, copy.key());
      return Outcome.CHANGED;
    }
    if (!exists(target, copy.key())) {
      // removed in the moment between the read-back and the switch (a sweep with too short a
      // grace): point the row back at the old blob, which is still there
      locations.move(file.id(), targetName, copy.key(), file.store(), file.blobKey());
      log.error(
          "{} {}: its copy vanished from the {} store; left where it was",
          name(locations),
          file.id(),
          targetName);
      return Outcome.FAILED;
    }
    return Outcome.MOVED;
  }

  /**
   * Deletes a blob a moved row left behind, unless a row (another file or version) refers to it.
   */
  void retire(FileLocations locations, String store, String key) {
    if (!locations.references(store, key)) {
      discard(stores.get(store), key);
    }
  }

  /** Why the copy cannot replace the original; empty when it is good. */
  private static Optional<String> check(Located file, BlobStore.StoredBlob copy, BlobStore target) {
    if (copy.size() != file.size() || !copy.sha256().equals(file.sha256())) {
      return Optional.of(
          "its blob has SHA-256 "
              + copy.sha256()
              + " ("
              + copy.size()
              + " bytes), not the "
              + file.sha256()
              + " ("
              + file.size()
              + " bytes) its row records");
    }
    try (var in = target.load(copy.key())) {
      var readBack = sha256(in);
      return readBack.equals(file.sha256())
          ? Optional.empty()
          : Optional.of("the copy reads back with SHA-256 " + readBack + ", not " + file.sha256());
    } catch (IOException | RuntimeException e) {
      return Optional.of("the copy cannot be read back: " + e.getMessage());
    }
  }

  private static Outcome failedUnlessChanged(
      FileLocations locations, Located file, String problem) {
    if (!locations.references(file.store(), file.blobKey())) {
      return Outcome.CHANGED;
    }
    log.error("{} {} stays in the {} store: {}", name(locations), file.id(), file.store(), problem);
    return Outcome.FAILED;
  }

  /** "File" or "Version", to begin a line of the log. */
  private static String name(FileLocations locations) {
    var kind = locations.kind();
    return kind.isEmpty() ? kind : Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
  }

  private static boolean exists(BlobStore store, String key) {
    try {
      return store.exists(key);
    } catch (IOException | RuntimeException e) {
      return true; // cannot tell: the read-back just succeeded, so assume it is still there
    }
  }

  /** Removes a blob no row refers to; a failure leaves it to the sweeper. */
  private static void discard(BlobStore store, String key) {
    try {
      store.delete(key);
    } catch (IOException | RuntimeException e) {
      log.warn("Could not remove blob {} from {}; the sweeper will", key, store, e);
    }
  }

  static String sha256(InputStream in) throws IOException {
    var digest = Sha256.digest();
    var buffer = new byte[BUFFER];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      digest.update(buffer, 0, read);
    }
    return Sha256.hex(digest);
  }
}
