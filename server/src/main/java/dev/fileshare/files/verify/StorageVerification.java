package dev.fileshare.files.verify;

import dev.fileshare.files.FileLocations;
import dev.fileshare.files.FileLocations.Located;
import dev.fileshare.files.verify.CheckpointRows.Checkpoint;
import dev.fileshare.files.verify.DamageRows.Damage;
import dev.fileshare.storage.BlobNotFoundException;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reads every file's blob and every earlier version's back, in each store, and compares it with the
 * SHA-256 and size its row recorded when it was uploaded. What does not match, or is missing, is
 * written to storage_damage (and leaves it when a later run finds it whole). Reading keeps to a
 * rate, and each store's progress is saved after every batch, so an interrupted run goes on where
 * it stopped. A blob that its row no longer names once it was read (the file was replaced, moved or
 * removed meanwhile) is not damage, only change.
 */
@Service
public class StorageVerification {

  private static final Logger log = LoggerFactory.getLogger(StorageVerification.class);
  private static final int BATCH = 100;
  private static final int BUFFER = 64 * 1024;

  private final List<FileLocations> locations;
  private final BlobStoreRegistry stores;
  private final DamageRows damage;
  private final CheckpointRows checkpoints;
  private final Clock clock;

  StorageVerification(
      List<FileLocations> locations,
      BlobStoreRegistry stores,
      DamageRows damage,
      CheckpointRows checkpoints,
      Clock clock) {
    this.locations = locations;
    this.stores = stores;
    this.damage = damage;
    this.checkpoints = checkpoints;
    this.clock = clock;
  }

  /**
   * What a run did.
   *
   * @param checked files and versions read back by this run
   * @param bytes bytes read
   * @param damaged every item known to be damaged when the run ended, found by it or earlier
   */
  public record Result(long checked, long bytes, List<Damage> damaged) {}

  /**
   * Runs, or goes on with, a verification of everything stored.
   *
   * @param bytesPerSecond the most bytes to read a second; 0: as fast as the stores give them
   * @param restart forget where an earlier run stopped and start from the beginning
   */
  public Result run(long bytesPerSecond, boolean restart) throws InterruptedException {
    if (restart) {
      checkpoints.clear();
    }
    var pace = new Pace(bytesPerSecond);
    long checked = 0;
    long bytes = 0;
    for (var rows : locations) {
      for (var store : stores.all().keySet()) {
        var checkpoint =
            checkpoints.of(rows.kind(), store).orElseGet(() -> new Checkpoint(0, rows.lastId()));
        var after = checkpoint.afterId();
        while (true) {
          var batch = rows.inStore(store, after, checkpoint.lastId(), BATCH);
          if (batch.isEmpty()) {
            break;
          }
          for (var item : batch) {
            bytes += check(rows, item, pace);
            checked++;
            after = item.id();
          }
          checkpoints.save(
              rows.kind(), store, new Checkpoint(after, checkpoint.lastId()), clock.millis());
        }
        log.info("Verified the {}s in the {} store up to id {}", rows.kind(), store, after);
      }
    }
    checkpoints.clear();
    forgetGone();
    return new Result(checked, bytes, damage.all());
  }

  /** Damage of a file or version that is gone (or names another blob now) is no longer damage. */
  private void forgetGone() {
    for (var item : damage.all()) {
      var gone =
          locations.stream()
              .filter(rows -> rows.kind().equals(item.kind()))
              .noneMatch(rows -> rows.references(item.store(), item.blobKey()));
      if (gone) {
        damage.clear(item.kind(), item.itemId());
      }
    }
  }

  /** Reads one item back; answers the bytes read. */
  private long check(FileLocations rows, Located item, Pace pace) throws InterruptedException {
    var digest = sha256();
    long size = 0;
    Optional<String> found;
    try (var in = stores.get(item.store()).load(item.blobKey())) {
      var buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) != -1; ) {
        digest.update(buffer, 0, n);
        size += n;
        pace.read(n);
      }
      found = Optional.of(HexFormat.of().formatHex(digest.digest()));
    } catch (BlobNotFoundException e) {
      found = Optional.empty();
    } catch (IOException e) {
      log.warn(
          "Could not read the {} {} ({}); it is looked at again next run",
          rows.kind(),
          item.id(),
          e.getMessage());
      return size;
    }
    var whole = found.filter(item.sha256()::equals).isPresent() && size == item.size();
    if (whole || !rows.references(item.store(), item.blobKey())) {
      damage.clear(rows.kind(), item.id());
    } else {
      log.error(
          "The {} {} is damaged: its blob {} in the {} store {}",
          rows.kind(),
          item.id(),
          item.blobKey(),
          item.store(),
          found.isEmpty()
              ? "is missing"
              : "reads back as "
                  + size
                  + " bytes with SHA-256 "
                  + found.get()
                  + " instead of "
                  + item.size()
                  + " bytes with "
                  + item.sha256());
      damage.record(rows.kind(), item, found, size, clock.millis());
    }
    return size;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
