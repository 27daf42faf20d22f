package dev.fileshare.files;

import dev.fileshare.quotas.QuotaService;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps versions within {@code fileshare.versions.max-count} and {@code max-age}: a file's at once
 * when it is replaced or restored, everyone's past the age limit at start and then every {@code
 * cleanup-interval}. Safe with several nodes: each removal is a conditional delete that one node
 * wins, and only the winner releases the bytes from the owner's usage and removes the blob (after
 * the commit; a blob left by a crash is the sweeper's).
 */
@Component
class VersionRetention {

  private static final Logger log = LoggerFactory.getLogger(VersionRetention.class);
  private static final int BATCH = 100;

  private final VersionRows versions;
  private final FileRows files;
  private final QuotaService quotas;
  private final BlobStoreRegistry blobs;
  private final TransactionTemplate transaction;
  private final VersionSettings settings;
  private final Clock clock;

  VersionRetention(
      VersionRows versions,
      FileRows files,
      QuotaService quotas,
      BlobStoreRegistry blobs,
      TransactionTemplate transaction,
      VersionSettings settings,
      Clock clock) {
    this.versions = versions;
    this.files = files;
    this.quotas = quotas;
    this.blobs = blobs;
    this.transaction = transaction;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * In the caller's transaction: removes the file's versions beyond the limits, oldest first, and
   * stops counting their bytes for the owner. Answers what it removed, whose blobs the caller
   * {@link #removeBlobs removes} once the transaction has committed.
   */
  List<VersionRow> trim(long fileId, UserId owner, long now) {
    var all = versions.ofFile(fileId); // newest first
    var cutoff = settings.age().map(age -> now - age.toMillis()).orElse(Long.MIN_VALUE);
    var expired = new ArrayList<VersionRow>();
    for (var i = 0; i < all.size(); i++) {
      var version = all.get(i);
      if (i >= settings.maxCount() || version.replacedAt() < cutoff) {
        expired.add(version);
      }
    }
    return remove(expired, owner);
  }

  @Scheduled(fixedDelayString = "${fileshare.versions.cleanup-interval:1h}")
  void run() {
    try {
      var removed = removeExpired();
      if (removed > 0) {
        log.info("Removed {} versions older than {}", removed, settings.maxAge());
      }
    } catch (RuntimeException e) {
      log.warn("Removing old versions failed; trying again at the next interval", e);
    }
  }

  /** Removes every version past the age limit, file by file; answers how many it removed. */
  int removeExpired() {
    var age = settings.age();
    if (age.isEmpty()) {
      return 0;
    }
    var cutoff = clock.millis() - age.get().toMillis();
    var removed = 0;
    while (true) {
      var batch = versions.replacedBefore(cutoff, BATCH);
      var byFile = new LinkedHashMap<Long, List<VersionRow>>();
      batch.forEach(v -> byFile.computeIfAbsent(v.fileId(), id -> new ArrayList<>()).add(v));
      var removedNow = 0;
      for (var file : byFile.entrySet()) {
        var owner = files.ownerOf(file.getKey());
        if (owner.isEmpty()) {
          continue; // removed for good meanwhile, and its versions with it
        }
        var gone =
            Objects.requireNonNull(
                transaction.execute(status -> remove(file.getValue(), owner.get())));
        removeBlobs(gone);
        removedNow += gone.size();
      }
      removed += removedNow;
      if (batch.size() < BATCH || removedNow == 0) {
        return removed;
      }
    }
  }

  /** Removes those of the versions that are still there, oldest first, and releases their bytes. */
  private List<VersionRow> remove(List<VersionRow> expired, UserId owner) {
    var removed = new ArrayList<VersionRow>();
    expired.stream()
        .sorted(Comparator.comparingLong(VersionRow::number))
        .forEach(version -> versions.delete(version).ifPresent(removed::add));
    var bytes = removed.stream().mapToLong(VersionRow::size).sum();
    if (!removed.isEmpty()) {
      quotas.release(owner, bytes, 0);
    }
    return removed;
  }

  /** Removes the blobs of removed versions; a failure leaves them to the sweeper. */
  void removeBlobs(List<VersionRow> removed) {
    for (var version : removed) {
      try {
        if (!files.references(version.store(), version.blobKey())) {
          blobs.get(version.store()).delete(version.blobKey());
        }
      } catch (IOException | RuntimeException e) {
        log.warn(
            "Could not remove blob {} of a removed version; the sweeper will",
            version.blobKey(),
            e);
      }
    }
  }
}
