package dev.fileshare.files;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The caller's trash: what they deleted, newest first, until they restore it, remove it for good,
 * or it has been there for {@code fileshare.trash.retention}. Only the owner sees their trash; any
 * other id answers 404, like a file that does not exist.
 */
@Service
public class TrashService {

  private final FileRows rows;
  private final VersionRows versions;
  private final TrashPurger purger;
  private final FileViewFactory views;
  private final TrashSettings settings;
  private final ApplicationEventPublisher events;

  TrashService(
      FileRows rows,
      VersionRows versions,
      TrashPurger purger,
      FileViewFactory views,
      TrashSettings settings,
      ApplicationEventPublisher events) {
    this.rows = rows;
    this.versions = versions;
    this.purger = purger;
    this.views = views;
    this.settings = settings;
    this.events = events;
  }

  /** The caller's files in the trash after {@code after}, newest deleted first, at most limit. */
  public List<TrashedFile> list(AuthenticatedUser caller, TrashCursor after, int limit) {
    var found = rows.trashPage(caller.userId(), after, limit);
    var kept = versions.kept(found.stream().map(FileRow::id).toList());
    var made = views.of(found);
    var page = new ArrayList<TrashedFile>(found.size());
    for (var i = 0; i < found.size(); i++) {
      var row = found.get(i);
      var deleted = Instant.ofEpochMilli(Objects.requireNonNull(row.deletedAt()));
      var versionsKept = kept.getOrDefault(row.id(), VersionRows.Kept.NONE);
      page.add(
          new TrashedFile(
              made.get(i),
              deleted,
              deleted.plus(settings.retention()),
              versionsKept.count(),
              row.size() + versionsKept.bytes()));
    }
    return page;
  }

  /** Brings the caller's file back under its id, with its versions, shares and links. */
  public FileView restore(AuthenticatedUser caller, long id) {
    var row = rows.trashedById(id, caller.userId()).orElseThrow(ApiException::notFound);
    if (!rows.restore(id, caller.userId())) {
      throw ApiException.notFound();
    }
    events.publishEvent(
        new FileEvent(
            row.owner(),
            Optional.of(caller.userId()),
            id,
            row.name(),
            FileEvent.Action.RESTORED,
            ""));
    return views.of(rows.byId(id).orElseThrow(ApiException::notFound));
  }

  /** Removes the caller's file in the trash for good. */
  public void purge(AuthenticatedUser caller, long id) {
    var me = Optional.of(caller.userId());
    if (purger.purge(List.of(id), me, Long.MAX_VALUE, me) == 0) {
      throw ApiException.notFound();
    }
  }

  /** Removes every file in the caller's trash for good, a batch at a time. */
  public void empty(AuthenticatedUser caller) {
    purger.purgeTrashOf(caller.userId(), Optional.of(caller.userId()));
  }
}
