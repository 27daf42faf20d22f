package dev.fileshare.files;

import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStoreRegistry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Files as other modules need them when no signed-in caller reads them (a link opened by someone
 * without an account), and the owner check for modules that act on a caller's own files. A file in
 * the trash is gone for all of them but {@link #owns}.
 */
@Component
public class FileLookup {

  private final FileRows rows;
  private final FileAccess access;
  private final FileViewFactory views;
  private final BlobStoreRegistry blobs;

  FileLookup(FileRows rows, FileAccess access, FileViewFactory views, BlobStoreRegistry blobs) {
    this.rows = rows;
    this.access = access;
    this.views = views;
    this.blobs = blobs;
  }

  /** The file, whoever asks. */
  public Optional<FileView> byId(long id) {
    return rows.byId(id).map(views::of);
  }

  /** The way to the file's bytes, whoever asks. */
  public Optional<FileContent> content(long id) {
    return rows.byId(id).map(row -> new FileContent(views.plain(row), row, rows, blobs));
  }

  /** A file outside the trash and the SHA-256 of its content, lower-case hex. */
  public record Live(long id, String sha256) {}

  /**
   * Files outside the trash with an id above {@code afterId}, by id, at most {@code limit}: pass
   * the last id of one batch to get the next.
   */
  public List<Live> live(long afterId, int limit) {
    return rows.live(afterId, limit);
  }

  /** Whether the file exists and is not in the trash. */
  public boolean exists(long id) {
    return rows.byId(id).isPresent();
  }

  /**
   * Whether the file belongs to the user, in the trash too: what belongs to a file (its links)
   * stays its owner's to see and change while it is there.
   */
  public boolean owns(UserId user, long fileId) {
    return rows.ownerOf(fileId).map(user::equals).orElse(false);
  }

  /**
   * The caller's own file, or the refusal the files endpoints give for it: 404 for a file the
   * caller cannot see, 403 for one they see but do not own.
   */
  public FileView owned(AuthenticatedUser caller, long fileId) {
    return views.of(access.owned(caller, fileId));
  }
}
