package dev.fileshare.files;

import dev.fileshare.accounts.AccountService;
import dev.fileshare.files.FileEvent.Action;
import dev.fileshare.quotas.QuotaService;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStoreRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The earlier versions of a file: listed, downloaded and restored by its owner and by those with an
 * edit share of it, deleted by its owner only. Others get what they get for the file itself: 404
 * when they cannot see it, 403 when they can.
 */
@Service
public class VersionService {

  private static final int ATTEMPTS = 3;

  private final FileAccess access;
  private final FileRows files;
  private final VersionRows versions;
  private final VersionSwitch switcher;
  private final VersionRetention retention;
  private final FileViewFactory views;
  private final AccountService accounts;
  private final QuotaService quotas;
  private final BlobStoreRegistry blobs;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  VersionService(
      FileAccess access,
      FileRows files,
      VersionRows versions,
      VersionSwitch switcher,
      VersionRetention retention,
      FileViewFactory views,
      AccountService accounts,
      QuotaService quotas,
      BlobStoreRegistry blobs,
      TransactionTemplate transaction,
      ApplicationEventPublisher events) {
    this.access = access;
    this.files = files;
    this.versions = versions;
    this.switcher = switcher;
    this.retention = retention;
    this.views = views;
    this.accounts = accounts;
    this.quotas = quotas;
    this.blobs = blobs;
    this.transaction = transaction;
    this.events = events;
  }

  /** The number of the file's current content, and its earlier versions, newest first. */
  public record Versions(long current, List<VersionView> versions) {}

  public Versions list(AuthenticatedUser caller, long fileId) {
    var row = access.editable(caller, fileId).row();
    var rows = versions.ofFile(fileId);
    var people =
        rows.stream()
            .flatMap(v -> Stream.of(v.uploadedBy(), v.replacedBy()))
            .filter(Objects::nonNull)
            .map(UserId::new)
            .distinct()
            .toList();
    var names = people.isEmpty() ? Map.<UserId, String>of() : accounts.usernames(people);
    return new Versions(row.version(), rows.stream().map(v -> view(v, names)).toList());
  }

  /** The way to a version's bytes, shown as the file with that version's content. */
  public FileContent content(AuthenticatedUser caller, long fileId, long number) {
    var row = access.editable(caller, fileId).row();
    var version = versions.byNumber(fileId, number).orElseThrow(ApiException::notFound);
    var file = views.plain(row);
    var created = Instant.ofEpochMilli(version.createdAt());
    var shown =
        new FileView(
            file.id(),
            file.name(),
            version.size(),
            version.contentType(),
            version.sha256(),
            file.owner(),
            file.visibility(),
            created,
            created,
            null,
            null,
            file.request(),
            version.number(),
            Map.of());
    return new FileContent(
        shown,
        version.blob(),
        () ->
            versions
                .byId(version.id())
                .filter(now -> now.sha256().equals(version.sha256()))
                .map(VersionRow::blob),
        blobs);
  }

  /** Makes the version the current content; the current content becomes a version. */
  public FileView restore(AuthenticatedUser caller, long fileId, long number) {
    for (var attempt = 0; attempt < ATTEMPTS; attempt++) {
      var granted = access.editable(caller, fileId);
      var version = versions.byNumber(fileId, number).orElseThrow(ApiException::notFound);
      if (switcher.restore(granted.row(), version, caller.userId())) {
        return views
            .of(files.byId(fileId).orElseThrow(ApiException::notFound))
            .sharedAs(granted.share());
      }
    }
    throw new ApiException(
        HttpStatus.CONFLICT, "The file was changed by another request at the same time.");
  }

  /** Deletes the version for good and stops counting its bytes; the owner's alone. */
  public void delete(AuthenticatedUser caller, long fileId, long number) {
    var row = access.owned(caller, fileId);
    Optional<VersionRow> deleted =
        Objects.requireNonNull(
            transaction.execute(
                status -> {
                  var gone = versions.delete(fileId, number);
                  gone.ifPresent(v -> quotas.release(row.owner(), v.size(), 0));
                  return gone;
                }));
    var version = deleted.orElseThrow(ApiException::notFound);
    retention.removeBlobs(List.of(version));
    events.publishEvent(
        new FileEvent(
            row.owner(),
            Optional.of(caller.userId()),
            fileId,
            row.name(),
            Action.VERSION_DELETED,
            String.valueOf(number)));
  }

  private static VersionView view(VersionRow version, Map<UserId, String> names) {
    return new VersionView(
        version.number(),
        version.size(),
        version.sha256(),
        version.contentType(),
        Instant.ofEpochMilli(version.createdAt()),
        name(version.uploadedBy(), names),
        Instant.ofEpochMilli(version.replacedAt()),
        name(version.replacedBy(), names));
  }

  private static @Nullable String name(@Nullable Long user, Map<UserId, String> names) {
    return user == null ? null : names.get(new UserId(user));
  }
}
