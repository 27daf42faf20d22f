package dev.fileshare.files;

import dev.fileshare.accounts.AccountService;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.storage.BlobStoreRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Listing, reading, renaming and deleting (into the trash) files, each as the caller is allowed to.
 */
@Service
public class FileService {

  private final FileRows rows;
  private final FileAccess access;
  private final FileViewFactory views;
  private final FileListCache listed;
  private final ShareRows shares;
  private final AccountService accounts;
  private final BlobStoreRegistry blobs;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  FileService(
      FileRows rows,
      FileAccess access,
      FileViewFactory views,
      FileListCache listed,
      ShareRows shares,
      AccountService accounts,
      BlobStoreRegistry blobs,
      ApplicationEventPublisher events,
      Clock clock) {
    this.rows = rows;
    this.access = access;
    this.views = views;
    this.listed = listed;
    this.shares = shares;
    this.accounts = accounts;
    this.blobs = blobs;
    this.events = events;
    this.clock = clock;
  }

  /** One page of the files the caller may see, and how many there are in all. */
  public record Page(long count, List<FileView> files) {}

  /**
   * The first {@code max} files the caller may see in the query's order, after the cursor if there
   * is one (its order is the query's).
   */
  public List<FileView> list(
      AuthenticatedUser caller, FileQuery query, int max, @Nullable FileCursor after) {
    var verified = access.verified(caller);
    return sharedAs(caller, listed.visible(caller.userId(), verified, query, max, 0, after));
  }

  /**
   * The page of {@code limit} files from {@code offset} in the query's order, or, with {@code
   * after}, the {@code limit} files after that one (the offset is then the caller's number for the
   * page, not read), and how many files the query finds in all.
   */
  public Page page(
      AuthenticatedUser caller,
      FileQuery query,
      int limit,
      long offset,
      @Nullable FileCursor after) {
    var verified = access.verified(caller);
    var found =
        listed.visibleCounted(
            caller.userId(), verified, query, limit, after == null ? offset : 0, after);
    var count = found.total().orElseGet(() -> rows.countVisible(caller.userId(), verified, query));
    return new Page(count, sharedAs(caller, found.views()));
  }

  /**
   * Those of the files that the caller may see ({@link VisibilityRule}), in the order of {@code
   * ids}, each with the caller's share of it: for other modules that find files their own way (a
   * search of their content) and answer with them.
   */
  public List<FileView> visible(AuthenticatedUser caller, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    var found = rows.visibleByIds(caller.userId(), access.verified(caller), ids);
    var byId = new HashMap<Long, FileView>();
    views.of(found).forEach(view -> byId.put(view.id(), view));
    var ordered = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    return sharedAs(caller, ordered);
  }

  public FileView get(AuthenticatedUser caller, long id) {
    var granted = access.granted(caller, id);
    return views.of(granted.row()).sharedAs(granted.share());
  }

  public FileContent content(AuthenticatedUser caller, long id) {
    var row = access.readable(caller, id);
    return new FileContent(views.plain(row), row, rows, blobs);
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
    var changed = get(caller, id);
    if (!name.equals(row.name())) {
      publish(row, caller, name, FileEvent.Action.RENAMED, row.name());
    }
    if (visibility != row.visibilityValue()) {
      publish(row, caller, name, FileEvent.Action.VISIBILITY_CHANGED, visibility.wire());
    }
    return changed;
  }

  /**
   * Moves the file to its owner's trash, with its versions; its shares and links stay, hidden,
   * until it is restored or removed for good.
   */
  public void delete(AuthenticatedUser caller, long id) {
    var row = access.owned(caller, id);
    if (!rows.trash(row, clock.millis())) {
      throw ApiException.notFound();
    }
    publish(row, caller, row.name(), FileEvent.Action.DELETED, "");
  }

  /** Tells of a change to the file, named {@code name} after it, that the caller made. */
  private void publish(
      FileRow row, AuthenticatedUser caller, String name, FileEvent.Action action, String detail) {
    events.publishEvent(
        new FileEvent(row.owner(), Optional.of(caller.userId()), row.id(), name, action, detail));
  }

  /** The views, each with the caller's share of it where the file is shared with them by name. */
  private List<FileView> sharedAs(AuthenticatedUser caller, List<FileView> files) {
    if (files.isEmpty()) {
      return files;
    }
    // the caller's own files have no share of the caller's (see FileAccess#granted): a list of
    // them, the usual one, is answered without asking
    var me = accounts.usernames(List.of(caller.userId())).get(caller.userId());
    var others = files.stream().filter(file -> !file.owner().equals(me)).map(FileView::id).toList();
    if (others.isEmpty()) {
      return files;
    }
    var permissions = shares.permissions(caller.userId(), others);
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
