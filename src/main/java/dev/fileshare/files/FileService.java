package dev.fileshare.files;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Listing, reading, renaming and deleting files, each as the caller is allowed to. */
@Service
public class FileService {

  private static final Logger log = LoggerFactory.getLogger(FileService.class);

  private final FileRows rows;
  private final FileAccess access;
  private final FileViewFactory views;
  private final FileListCache listed;
  private final ShareRows shares;
  private final BlobStoreRegistry blobs;
  private final Clock clock;

  FileService(
      FileRows rows,
      FileAccess access,
      FileViewFactory views,
      FileListCache listed,
      ShareRows shares,
      BlobStoreRegistry blobs,
      Clock clock) {
    this.rows = rows;
    this.access = access;
    this.views = views;
    this.listed = listed;
    this.shares = shares;
    this.blobs = blobs;
    this.clock = clock;
  }

  /** One page of the files the caller may see, and how many there are in all. */
  public record Page(long count, List<FileView> files) {}

  /** The first {@code max} files the caller may see, in the query's order. */
  public List<FileView> list(AuthenticatedUser caller, FileQuery query, int max) {
    var verified = access.verified(caller);
    return sharedAs(caller, listed.visible(caller.userId(), verified, query, max, 0));
  }

  public Page page(AuthenticatedUser caller, FileQuery query, int limit, long offset) {
    var verified = access.verified(caller);
    var count = rows.countVisible(caller.userId(), verified, query);
    var files = listed.visible(caller.userId(), verified, query, limit, offset);
    return new Page(count, sharedAs(caller, files));
  }

  public FileView get(AuthenticatedUser caller, long id) {
    var granted = access.granted(caller, id);
    return views.of(granted.row()).sharedAs(granted.share());
  }

  public FileContent content(AuthenticatedUser caller, long id) {
    var row = access.readable(caller, id);
    return new FileContent(views.of(row), row, rows, blobs);
  }

  /**
   * Renames the file or changes its visibility: the owner may do both, someone with an edit share
   * only rename.
   */
  public FileView update(AuthenticatedUser caller, long id, FileChanges changes) {
    var granted = access.changeable(caller, id, changes);
    var row = granted.row();
    if (changes.isEmpty()) {
      return views.of(row).sharedAs(granted.share());
    }
    var name = changes.name() == null ? row.name() : cleanName(changes.name());
    var visibility = changes.visibility() == null ? row.visibilityValue() : changes.visibility();
    if (!rows.rename(row, name, visibility, clock.millis())) {
      throw ApiException.notFound();
    }
    return get(caller, id);
  }

  /** Deletes the row, then the blob; a blob left behind by a failure is swept later. */
  public void delete(AuthenticatedUser caller, long id) {
    var row = access.owned(caller, id);
    var blob = rows.delete(row).orElseThrow(ApiException::notFound);
    try {
      blobs.get(blob.store()).delete(blob.key());
    } catch (IOException | RuntimeException e) {
      log.warn("Could not delete blob {} of deleted file {}; the sweeper will", blob.key(), id, e);
    }
  }

  /** The views, each with the caller's share of it where the file is shared with them by name. */
  private List<FileView> sharedAs(AuthenticatedUser caller, List<FileView> files) {
    if (files.isEmpty()) {
      return files;
    }
    var permissions =
        shares.permissions(caller.userId(), files.stream().map(FileView::id).toList());
    if (permissions.isEmpty()) {
      return files;
    }
    return files.stream()
        .map(file -> file.sharedAs(Optional.ofNullable(permissions.get(file.id()))))
        .toList();
  }

  static String cleanName(String name) {
    if (name.isBlank()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "The name may not be blank.",
          Map.of("name", List.of("This field may not be blank.")),
          Map.of());
    }
    return FileNames.clean(name);
  }
}
