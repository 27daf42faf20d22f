package dev.fileshare.files;

import dev.fileshare.storage.BlobReferrer;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.storage.StorageSettings;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what a crash or a failed cleanup left in storage: half-written uploads, and blobs that no
 * file or version of a file refers to (nor any other module's {@link BlobReferrer}, such as the
 * pieces of resumable uploads in progress), once they are older than {@code
 * fileshare.storage.sweep-grace}. Files and versions are asked in one statement, so a blob that a
 * replace or a restore moves from one to the other at that moment is never taken for an orphan; the
 * other referrers are asked before them, so neither is a piece that becomes a file's blob. Sweeps
 * every store the node can read (a row refers to a blob when it names both the store and the key).
 * Runs at start and then every {@code fileshare.files.sweep-interval}.
 */
@Component
class OrphanSweeper {

  private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);

  private final BlobStoreRegistry blobs;
  private final FileRows rows;
  private final List<BlobReferrer> others;
  private final StorageSettings settings;
  private final Clock clock;

  OrphanSweeper(
      BlobStoreRegistry blobs,
      FileRows rows,
      List<BlobReferrer> others,
      StorageSettings settings,
      Clock clock) {
    this.blobs = blobs;
    this.rows = rows;
    this.others = others;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${fileshare.files.sweep-interval:1h}")
  void run() {
    try {
      var removed = sweep();
      if (removed > 0) {
        log.info("Removed {} blobs that no file refers to", removed);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Sweeping storage failed; trying again at the next interval", e);
    }
  }

  /** Sweeps once; answers how many orphaned blobs were removed. */
  int sweep() throws IOException {
    var removed = 0;
    for (var store : blobs.all().entrySet()) {
      removed += sweep(store.getKey(), store.getValue());
    }
    return removed;
  }

  private int sweep(String name, BlobStore store) throws IOException {
    var cutoff = clock.instant().minus(settings.sweepGrace());
    var removed = new AtomicInteger();
    store.sweep(
        cutoff,
        key -> {
          // the others first: a piece becomes a file's blob by the file's row being written
          // before the piece's row goes, so asked in this order one of them always answers
          if (others.stream().anyMatch(o -> o.references(name, key))
              || rows.references(name, key)) {
            return;
          }
          try {
            store.delete(key);
            removed.incrementAndGet();
          } catch (IOException e) {
            log.warn("Could not remove orphaned blob {}", key, e);
          }
        });
    return removed.get();
  }
}
