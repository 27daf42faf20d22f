package dev.fileshare.files;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
  private final BlobStoreRegistry blobs;
  private final Clock clock;

  FileService(
      FileRows rows,
      FileAccess access,
      FileViewFactory views,
      FileListCache listed,
      BlobStoreRegistry blobs,
      Clock clock) {
    this.rows = rows;
    this.access = access;
    this.views = views;
    this.listed = listed;
    this.blobs = blobs;
    this.clock = clock;
  }

  /** One page of the files the caller may see, and how many there are in all. */
  public record Page(long count, List<FileView> files) {}

  /** The first {@code max} files the caller may see, in the query's order. */
  public List<FileView> list(AuthenticatedUser caller, FileQuery query, int max) {
    var verified = access.verified(caller);
    return listed.visible(caller.userId(), verified, query, max, 0);
  }

  public Page page(AuthenticatedUser caller, FileQuery query, int limit, long offset) {
    var verified = access.verified(caller);
    var count = rows.countVisible(caller.userId(), verified, query);
    var files = listed.visible(caller.userId(), verified, query, limit, offset);
    return new Page(count, files);
  }

  public FileView get(AuthenticatedUser caller, long id) {
    return views.of(access.readable(caller, id));
  }

  public FileContent content(AuthenticatedUser caller, long id) {
    var row = access.readable(caller, id);
    return new FileContent(views.of(row), row, rows, blobs);
  }

  /** Renames the file or changes its visibility; only the owner may. */
  public FileView update(AuthenticatedUser caller, long id, FileChanges changes) {
    var row = access.owned(caller, id);
    if (changes.isEmpty()) {
      return views.of(row);
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
