package dev.fileshare.files;

import dev.fileshare.files.FileRows.BlobRef;
import dev.fileshare.quotas.QuotaService;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes files in the trash for good. In one transaction: claim the rows (so no restore and no
 * other node comes between), delete their versions and then the rows, each with {@code RETURNING},
 * and stop counting their bytes in the owner's usage. Only what a statement returned is released,
 * so of two nodes removing the same file, one does and the other finds nothing. The blobs are
 * deleted after the commit; one left behind by a crash or a failure refers to no row any more, and
 * the orphan sweeper removes it.
 */
@Component
class TrashPurger {

  /** Files per transaction. */
  static final int BATCH = 100;

  private static final Logger log = LoggerFactory.getLogger(TrashPurger.class);

  private final FileRows rows;
  private final VersionRows versions;
  private final QuotaService quotas;
  private final BlobStoreRegistry blobs;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;

  TrashPurger(
      FileRows rows,
      VersionRows versions,
      QuotaService quotas,
      BlobStoreRegistry blobs,
      ApplicationEventPublisher events,
      TransactionTemplate transaction) {
    this.rows = rows;
    this.versions = versions;
    this.quotas = quotas;
    this.blobs = blobs;
    this.events = events;
    this.transaction = transaction;
  }

  /** What one transaction removed: the files, and the blobs to delete once it has committed. */
  private record Removed(List<FileRows.Purged> files, List<BlobRef> blobs) {}

  /**
   * Removes for good those of the files (at most {@link #BATCH}) that are in the trash since {@code
   * cutoff} or earlier and, when {@code owner} is given, are theirs. Answers how many it removed.
   *
   * @param actor who asked; empty: the retention job
   */
  int purge(List<Long> ids, Optional<UserId> owner, long cutoff, Optional<UserId> actor) {
    if (ids.isEmpty()) {
      return 0;
    }
    var removed = Objects.requireNonNull(transaction.execute(status -> remove(ids, owner, cutoff)));
    for (var file : removed.files()) {
      events.publishEvent(
          new FileEvent(
              new UserId(file.ownerId()),
              actor,
              file.id(),
              file.name(),
              FileEvent.Action.PURGED,
              ""));
    }
    for (var blob : removed.blobs()) {
      delete(blob);
    }
    return removed.files().size();
  }

  /**
   * Removes every file in the owner's trash for good, a batch at a time (each its own transaction,
   * its blobs deleted once it commits); answers how many.
   *
   * @param actor who asked; empty: an administrator deleting the account
   */
  long purgeTrashOf(UserId owner, Optional<UserId> actor) {
    long removed = 0;
    List<Long> batch;
    do {
      batch = rows.trashed(owner, BATCH);
      removed += purge(batch, Optional.of(owner), Long.MAX_VALUE, actor);
    } while (batch.size() == BATCH);
    return removed;
  }

  private Removed remove(List<Long> ids, Optional<UserId> owner, long cutoff) {
    var claimed = rows.claimTrashed(ids, owner, cutoff);
    if (claimed.isEmpty()) {
      return new Removed(List.of(), List.of());
    }
    var removedVersions = versions.deleteOf(claimed);
    var files = rows.purge(claimed);
    if (files.size() != claimed.size()) {
      throw new IllegalStateException("Claimed files " + claimed + " but removed " + files);
    }
    var ownerOf = new HashMap<Long, Long>();
    var bytes = new HashMap<Long, Long>();
    var count = new HashMap<Long, Long>();
    var gone = new ArrayList<BlobRef>();
    for (var file : files) {
      ownerOf.put(file.id(), file.ownerId());
      bytes.merge(file.ownerId(), file.size(), Long::sum);
      count.merge(file.ownerId(), 1L, Long::sum);
      gone.add(file.blob());
    }
    for (var version : removedVersions) {
      bytes.merge(Objects.requireNonNull(ownerOf.get(version.fileId())), version.size(), Long::sum);
      gone.add(version.blob());
    }
    for (Map.Entry<Long, Long> entry : bytes.entrySet()) {
      var user = entry.getKey();
      quotas.release(new UserId(user), entry.getValue(), count.getOrDefault(user, 0L));
    }
    return new Removed(files, gone);
  }

  private void delete(BlobRef blob) {
    try {
      blobs.get(blob.store()).delete(blob.key());
    } catch (IOException | RuntimeException e) {
      log.warn("Could not delete blob {} of a file removed for good; the sweeper will", blob, e);
    }
  }
}
