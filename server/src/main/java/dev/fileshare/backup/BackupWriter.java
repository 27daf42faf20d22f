package dev.fileshare.backup;

import dev.fileshare.platform.DatabaseKind;
import dev.fileshare.storage.BlobNotFoundException;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Takes a consistent backup of a running single-node installation: the SQLite database copied with
 * {@code VACUUM INTO} (one read transaction, so a moment's state), and every blob that copy names,
 * hard-linked into the backup where the file system allows (blobs never change once written, so a
 * link is a copy that costs nothing) and copied otherwise. Blobs are linked before the database is
 * copied as well as after, so one removed in between (a file emptied from the trash) is still
 * there; those the copy does not name are dropped again.
 */
@Service
class BackupWriter {

  private static final Logger log = LoggerFactory.getLogger(BackupWriter.class);
  private static final String LOCAL = "local";
  private static final int MAX_ATTEMPTS = 5;

  private final JdbcClient jdbc;
  private final DatabaseKind database;
  private final BlobStoreRegistry stores;

  BackupWriter(JdbcClient jdbc, DatabaseKind database, BlobStoreRegistry stores) {
    this.jdbc = jdbc;
    this.database = database;
    this.stores = stores;
  }

  /** What went into a backup. */
  record Result(long blobs, long bytes, long linked, long copied) {}

  /** Why a backup cannot be taken here; the message says what to do instead. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  Result create(Path directory) throws IOException, SQLException, Refused {
    if (database != DatabaseKind.SQLITE || !stores.all().keySet().equals(Set.of(LOCAL))) {
      throw new Refused(
          "backup copies the embedded SQLite database and blobs on local disk; with PostgreSQL or"
              + " S3 use pg_dump and the bucket's versioning (docs/deployment.md, \"BackupWriter\")");
    }
    if (Files.exists(directory)) {
      try (var entries = Files.list(directory)) {
        if (entries.findAny().isPresent()) {
          throw new Refused(directory + " is not empty: back up into a new directory");
        }
      }
    }
    var blobs = directory.resolve(Manifest.BLOBS);
    Files.createDirectories(blobs);
    var copy = new Copy(blobs);
    for (var attempt = 1; ; attempt++) {
      // link what is there until a round finds little new, so the copy's moment is close behind
      for (var round = 0; round < 3 && copy.linkAll(liveKeys()) > 10; round++) {
        log.debug("Linked blobs uploaded meanwhile");
      }
      var snapshot = directory.resolve(Manifest.DATABASE);
      var part = directory.resolve(Manifest.DATABASE + ".part");
      Files.deleteIfExists(part);
      jdbc.sql("VACUUM INTO ?").param(part.toAbsolutePath().toString()).update();
      Files.move(part, snapshot, StandardCopyOption.ATOMIC_MOVE);
      var manifest = Manifest.of(snapshot);
      var missing = 0;
      for (var entry : manifest.entries()) {
        missing += copy.link(entry.key()) ? 0 : 1;
      }
      if (missing == 0) {
        return finish(directory, snapshot, manifest, copy);
      }
      // uploaded after the last round and removed before it was linked: take the moment again
      Files.delete(snapshot);
      if (attempt == MAX_ATTEMPTS) {
        throw new IOException(
            missing + " blobs the database names were removed while the backup ran");
      }
    }
  }

  private Result finish(Path directory, Path snapshot, Manifest manifest, Copy copy)
      throws IOException, SQLException {
    var named = new HashSet<String>();
    long bytes = 0;
    for (var entry : manifest.entries()) {
      named.add(entry.key());
      bytes += entry.size();
    }
    for (var key : Manifest.derivedKeys(snapshot)) {
      copy.link(key);
      named.add(key);
    }
    for (var key : copy.done) {
      if (!named.contains(key)) {
        Files.delete(Manifest.pathOf(copy.blobs, key));
      }
    }
    manifest.write(directory);
    log.info(
        "Backed up the database and {} blobs ({} bytes: {} linked, {} copied) into {}",
        manifest.entries().size(),
        bytes,
        copy.linked,
        copy.copied,
        directory);
    return new Result(manifest.entries().size(), bytes, copy.linked, copy.copied);
  }

  private List<String> liveKeys() {
    var keys = new ArrayList<String>();
    keys.addAll(
        jdbc.sql("SELECT blob_key FROM files WHERE store = 'local'").query(String.class).list());
    keys.addAll(
        jdbc.sql("SELECT blob_key FROM file_versions WHERE store = 'local'")
            .query(String.class)
            .list());
    keys.addAll(
        jdbc.sql("SELECT blob_key FROM document_previews WHERE store = 'local'")
            .query(String.class)
            .list());
    return keys;
  }

  /** Puts blobs into the backup: a hard link where it can, a copy otherwise. */
  private final class Copy {

    private final Path blobs;
    private final Set<String> done = new HashSet<>();
    private long linked;
    private long copied;

    Copy(Path blobs) {
      this.blobs = blobs;
    }

    /** Links the blobs not linked yet; answers how many it linked. */
    int linkAll(List<String> keys) throws IOException {
      var count = 0;
      for (var key : keys) {
        if (!done.contains(key) && link(key)) {
          count++;
        }
      }
      return count;
    }

    /** Links the blob; false when it is not (or no longer) in the store. */
    boolean link(String key) throws IOException {
      if (done.contains(key)) {
        return true;
      }
      Optional<String> source;
      try {
        source = stores.get(LOCAL).sendfileName(key);
      } catch (BlobNotFoundException e) {
        return false;
      }
      if (source.isEmpty() || !Files.exists(Path.of(source.get()))) {
        return false;
      }
      var target = Manifest.pathOf(blobs, key);
      Files.createDirectories(target.getParent());
      try {
        Files.createLink(target, Path.of(source.get()));
        linked++;
      } catch (NoSuchFileException e) {
        return false;
      } catch (FileSystemException | UnsupportedOperationException e) {
        try {
          Files.copy(Path.of(source.get()), target, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (NoSuchFileException gone) {
          return false;
        }
        copied++;
      }
      done.add(key);
      return true;
    }
  }
}
