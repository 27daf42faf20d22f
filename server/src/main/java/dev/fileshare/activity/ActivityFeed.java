package dev.fileshare.activity;

import dev.fileshare.accounts.AccountService;
import dev.fileshare.platform.Paging;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reading one's own activity feed, newest first, a page at a time, all of it or one file's. Nobody
 * reads another user's feed: there is no way to name one.
 */
@Service
public class ActivityFeed {

  private final ActivityRows rows;
  private final AccountService accounts;

  ActivityFeed(ActivityRows rows, AccountService accounts) {
    this.rows = rows;
    this.accounts = accounts;
  }

  /** The caller's entries (about {@code file} only, if given) with ids below the page's start. */
  public List<Activity> page(AuthenticatedUser caller, Optional<Long> file, Paging paging) {
    var user = caller.userId();
    var found =
        file.map(id -> rows.ofFile(user, id, paging.before(), paging.limit()))
            .orElseGet(() -> rows.ofUser(user, paging.before(), paging.limit()));
    var actors = found.stream().flatMap(row -> row.actor().stream()).distinct().toList();
    var names = actors.isEmpty() ? Map.<UserId, String>of() : accounts.usernames(actors);
    return found.stream().map(row -> activity(row, names)).toList();
  }

  private static Activity activity(ActivityRow row, Map<UserId, String> names) {
    return new Activity(
        row.id(),
        row.action(),
        row.fileId(),
        row.fileName(),
        row.actor().map(names::get),
        row.detail(),
        Instant.ofEpochMilli(row.createdAt()));
  }
}
