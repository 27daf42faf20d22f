package dev.fileshare.files;

import dev.fileshare.files.FileEvent.Action;
import dev.fileshare.quotas.QuotaService;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStore.StoredBlob;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a file other content and keeps the content it had as a version, in one transaction: the
 * conditional switch of the files row, the new version row, the retention of the file's versions
 * and the owner's usage. A crash leaves the file with its old content and versions or with the new
 * ones; the only thing it can leave behind is a blob no row names, which the sweeper removes.
 */
@Component
class VersionSwitch {

  private final FileRows files;
  private final VersionRows versions;
  private final VersionRetention retention;
  private final QuotaService quotas;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  VersionSwitch(
      FileRows files,
      VersionRows versions,
      VersionRetention retention,
      QuotaService quotas,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      Clock clock) {
    this.files = files;
    this.versions = versions;
    this.retention = retention;
    this.quotas = quotas;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Points the file at the uploaded content, which {@code by} uploaded now, and counts its bytes
   * for the owner (refused with 507 over the quota: then nothing changed). False when the file
   * changed since {@code row} was read: nothing changed then either, and the caller reads it again.
   */
  boolean replace(FileRow row, FileRows.Content content, UserId by) {
    var now = clock.millis();
    var removed =
        inTransaction(
            () -> {
              if (!files.switchBlob(row, content, by.value(), now, now)) {
                return Optional.empty();
              }
              versions.insert(VersionRow.replacing(row, by.value(), now));
              var trimmed = retention.trim(row.id(), row.owner(), now);
              quotas.charge(row.owner(), content.blob().size(), 0);
              return Optional.of(trimmed);
            });
    return finish(removed, row, content.name(), by, Action.REPLACED, row.version() + 1);
  }

  /**
   * Makes the version the file's current content again, under the next number, and keeps the
   * current content as a version; the usage stays as it is. False when the file or the version
   * changed since they were read (nothing changed then); the caller reads them again.
   */
  boolean restore(FileRow row, VersionRow version, UserId by) {
    var now = clock.millis();
    var blob = new StoredBlob(version.blobKey(), version.size(), version.sha256());
    var content =
        new FileRows.Content(
            row.name(), version.store(), blob, version.contentType(), row.visibilityValue());
    var removed =
        inTransaction(
            () -> {
              if (!files.switchBlob(row, content, version.uploadedBy(), version.createdAt(), now)
                  || versions.delete(version).isEmpty()) {
                return Optional.empty();
              }
              versions.insert(VersionRow.replacing(row, by.value(), now));
              return Optional.of(retention.trim(row.id(), row.owner(), now));
            });
    return finish(removed, row, row.name(), by, Action.VERSION_RESTORED, version.number());
  }

  /** Runs the work in a transaction, which is rolled back when the work answers empty. */
  private Optional<List<VersionRow>> inTransaction(Work work) {
    var done =
        transaction.execute(
            status -> {
              var result = work.run();
              if (result.isEmpty()) {
                status.setRollbackOnly();
              }
              return result;
            });
    return done == null ? Optional.empty() : done;
  }

  /** After the commit: removes the blobs of trimmed versions and tells of the change. */
  private boolean finish(
      Optional<List<VersionRow>> removed,
      FileRow row,
      String name,
      UserId by,
      Action action,
      long detail) {
    if (removed.isEmpty()) {
      return false;
    }
    retention.removeBlobs(removed.get());
    events.publishEvent(
        new FileEvent(
            row.owner(), Optional.of(by), row.id(), name, action, String.valueOf(detail)));
    return true;
  }

  private interface Work {
    Optional<List<VersionRow>> run();
  }
}
