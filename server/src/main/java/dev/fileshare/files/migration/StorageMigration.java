package dev.fileshare.files.migration;

import dev.fileshare.files.FileLocations;
import dev.fileshare.files.migration.FileMover.Outcome;
import dev.fileshare.storage.BlobStoreRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves every file, and every earlier version of one, to one store, one at a time, while the nodes
 * keep serving: each node reads the bytes from the store the row names, and a row switches only to
 * a verified copy. Rows already in the target are skipped, so an interrupted run is resumed by
 * running it again. A pass looks at the rows that existed when it began; those that changed during
 * it (replaced, restored, or uploaded to the old store by a node not yet switched) are looked at in
 * the next pass, up to five.
 */
@Service
public class StorageMigration {

  private static final Logger log = LoggerFactory.getLogger(StorageMigration.class);
  private static final int BATCH = 100;
  private static final int MAX_PASSES = 5;
  private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  /** How long an old blob outlives the switch of its row (see {@link RetiredBlobs}). */
  static final Duration DELETE_OLD_AFTER = Duration.ofSeconds(10);

  /** The files and their versions. */
  private final List<FileLocations> locations;

  private final FileMover mover;
  private final BlobStoreRegistry stores;
  private final Clock clock;

  StorageMigration(
      List<FileLocations> locations, FileMover mover, BlobStoreRegistry stores, Clock clock) {
    this.locations = locations;
    this.mover = mover;
    this.stores = stores;
    this.clock = clock;
  }

  /**
   * What a run did.
   *
   * @param moved files and versions whose rows now point at the target store
   * @param failed files and versions that could not be moved (the log says why); they stay where
   *     they were
   * @param remaining files and versions not in the target store when the run ended, the failed ones
   *     included
   */
  public record Result(long moved, long failed, long remaining) {

    public boolean complete() {
      return remaining == 0;
    }
  }

  /**
   * Moves every file and version to the named store.
   *
   * @throws IllegalStateException if this node has no settings for that store
   * @throws InterruptedException if interrupted while the last old blobs wait to be deleted; every
   *     row moved so far stays moved
   */
  public Result migrateTo(String target) throws InterruptedException {
    if (stores.find(target).isEmpty()) {
      throw new IllegalStateException(
          "There are no settings for the "
              + target
              + " store: configure it (fileshare.storage."
              + target
              + ".*) as on the serving nodes");
    }
    if (!target.equals(stores.currentName())) {
      log.warn(
          "New uploads still go to the {} store (fileshare.storage.type): files uploaded during"
              + " the migration may stay there. Set fileshare.storage.type={} on every node.",
          stores.currentName(),
          target);
    }
    var failed = new HashSet<String>();
    var retired = new RetiredBlobs(DELETE_OLD_AFTER, clock, mover::retire);
    long moved = 0;
    for (var pass = 1; pass <= MAX_PASSES; pass++) {
      var progress = new Progress(target, remaining(target));
      if (progress.total == 0) {
        break;
      }
      log.info(
          "Pass {}: {} files and versions to move to the {} store", pass, progress.total, target);
      for (var rows : locations) {
        var lastId = rows.lastId();
        for (var source : stores.all().keySet()) {
          if (!source.equals(target)) {
            moveAll(rows, source, target, lastId, failed, progress, retired);
          }
        }
      }
      moved += progress.moved;
      log.info("Pass {} done: {}", pass, progress);
      if (progress.moved == 0 && progress.changed == 0) {
        break;
      }
    }
    retired.deleteAll();
    var unknown = count(store -> !stores.all().containsKey(store));
    if (unknown > 0) {
      log.error(
          "{} files and versions are in stores this node has no settings for; they were left",
          unknown);
    }
    return new Result(moved, failed.size(), remaining(target) + unknown);
  }

  private void moveAll(
      FileLocations rows,
      String source,
      String target,
      long lastId,
      Set<String> failed,
      Progress progress,
      RetiredBlobs retired) {
    long after = 0;
    while (true) {
      var batch = rows.inStore(source, after, lastId, BATCH);
      if (batch.isEmpty()) {
        return;
      }
      for (var file : batch) {
        after = file.id();
        var key = rows.kind() + " " + file.id();
        if (failed.contains(key)) {
          continue;
        }
        var outcome = mover.move(rows, file, target);
        if (outcome == Outcome.FAILED) {
          failed.add(key);
        } else if (outcome == Outcome.MOVED) {
          retired.add(rows, file.store(), file.blobKey());
        }
        retired.deleteDue();
        progress.count(outcome, file.size());
      }
    }
  }

  /** Files and versions in the stores this node knows, other than the target. */
  private long remaining(String target) {
    return count(store -> stores.all().containsKey(store) && !store.equals(target));
  }

  private long count(Predicate<String> inStores) {
    return locations.stream()
        .flatMap(rows -> rows.countByStore().entrySet().stream())
        .filter(entry -> inStores.test(entry.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Counts of one pass, logged every few seconds. */
  private static final class Progress {
    final String target;
    final long total;
    long moved;
    long bytes;
    long changed;
    long failed;
    Instant nextReport = Instant.now().plus(REPORT_EVERY);

    Progress(String target, long total) {
      this.target = target;
      this.total = total;
    }

    void count(Outcome outcome, long size) {
      switch (outcome) {
        case MOVED -> {
          moved++;
          bytes += size;
        }
        case CHANGED -> changed++;
        case FAILED -> failed++;
      }
      if (Instant.now().isAfter(nextReport)) {
        nextReport = Instant.now().plus(REPORT_EVERY);
        log.info("{}", this);
      }
    }

    @Override
    public String toString() {
      return moved
          + " files and versions moved to the "
          + target
          + " store ("
          + bytes
          + " bytes) of "
          + total
          + " waiting when the pass began, "
          + changed
          + " changed meanwhile, "
          + failed
          + " failed";
    }
  }
}
