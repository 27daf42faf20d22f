package dev.fileshare.quotas;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.UserId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each user's usage with the changes that make it: a module that adds or removes stored bytes
 * calls {@link #charge} or {@link #release} in the transaction that adds or removes the rows, so
 * the usage is exact and the quota holds under any number of concurrent uploads on any number of
 * nodes (the check and the change are one conditional statement).
 */
@Service
public class QuotaService {

  private final UsageRows rows;
  private final QuotaSettings settings;

  QuotaService(UsageRows rows, QuotaSettings settings) {
    this.rows = rows;
    this.settings = settings;
  }

  /** What the user stores and may store. */
  public Usage usage(UserId user) {
    return rows.byUser(user).map(this::usage).orElseGet(this::nothingStored);
  }

  /** What each of these users stores and may store, in one query. */
  public Map<UserId, Usage> usages(Collection<UserId> users) {
    var found = new HashMap<UserId, Usage>();
    for (var row : rows.byUsers(users)) {
      found.put(new UserId(row.userId()), usage(row));
    }
    for (var user : users) {
      found.computeIfAbsent(user, absent -> nothingStored());
    }
    return found;
  }

  private Usage nothingStored() {
    return new Usage(0, 0, 0, settings.bytes(), settings.files());
  }

  private Usage usage(UsageRows.Row r) {
    return new Usage(
        r.bytes(),
        r.files(),
        r.reserved(),
        limit(r.quotaBytes(), settings.bytes()),
        limit(r.quotaFiles(), settings.files()));
  }

  /**
   * Counts stored bytes and files for the user, in the caller's transaction, or refuses them with
   * 507 Insufficient Storage (the problem names the quota and the usage) when that would take the
   * user over a quota.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void charge(UserId user, long bytes, long files) {
    change(user, bytes, files, 0);
  }

  /** Stops counting bytes and files that are gone; never refused. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void release(UserId user, long bytes, long files) {
    change(user, -bytes, -files, 0);
  }

  /**
   * Counts what {@code from} stores for {@code heir}, whose files they become (an administrator
   * deleting an account): never refused, so the heir may end up over their quota until they make
   * room or are given more.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void transfer(UserId from, UserId heir) {
    rows.ensure(from);
    rows.ensure(heir);
    rows.moveStored(from, heir);
  }

  /** Sets bytes aside for an upload announced with its length; refused as {@link #charge} is. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reserve(UserId user, long bytes) {
    change(user, 0, 0, bytes);
  }

  /** Gives back bytes set aside for an upload that was given up; never refused. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void unreserve(UserId user, long bytes) {
    change(user, 0, 0, -bytes);
  }

  /**
   * Turns bytes set aside into stored content: {@code reserved} bytes stop being reserved and
   * {@code bytes} and {@code files} are counted, refused only if that takes the user over a quota.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void settle(UserId user, long reserved, long bytes, long files) {
    change(user, bytes, files, -reserved);
  }

  /**
   * Refuses (507) what does not fit in what the user has left now: for an early answer, before an
   * upload's body is read. Not exact under concurrency; {@link #charge} is.
   */
  public void checkRoom(UserId user, long bytes, long files) {
    var usage = usage(user);
    if (bytes > usage.remaining() || QuotaProblems.overFiles(usage, files)) {
      throw QuotaProblems.exceeded(usage, bytes, files).withHeader("Connection", "close");
    }
  }

  /**
   * The refusal (507) of a body that turned out longer than the {@code room} bytes the user had
   * left, found while it was being stored; the rest of the body is not read.
   */
  public ApiException refusal(UserId user, long room) {
    return QuotaProblems.longerThan(usage(user), room).withHeader("Connection", "close");
  }

  /**
   * Sets the user's quota of bytes and of files; an empty one stays as it is. Not checked against
   * what they store: someone over a new quota may only remove until under it.
   */
  @Transactional
  public void setQuota(UserId user, Optional<Limit> bytes, Optional<Limit> files) {
    rows.ensure(user);
    bytes.ifPresent(limit -> rows.setQuotaBytes(user, limit.stored()));
    files.ifPresent(limit -> rows.setQuotaFiles(user, limit.stored()));
  }

  /** A quota as set for one user: {@link #DEFAULT} the server's, {@link #NONE} no limit. */
  public record Limit(Optional<Long> value, boolean unlimited) {
    public static final Limit DEFAULT = new Limit(Optional.empty(), false);
    public static final Limit NONE = new Limit(Optional.empty(), true);

    public Limit {
      if (value.map(v -> v < 0 || unlimited).orElse(false)) {
        throw new IllegalArgumentException("A quota is a number of at least 0, or no limit");
      }
    }

    public static Limit of(long value) {
      return new Limit(Optional.of(value), false);
    }

    @Nullable Long stored() {
      return unlimited ? Long.valueOf(-1) : value.orElse(null);
    }
  }

  private void change(UserId user, long bytes, long files, long reserved) {
    var defaultBytes = settings.bytes().orElse(UsageRows.NO_LIMIT);
    var defaultFiles = settings.files().orElse(UsageRows.NO_LIMIT);
    if (rows.change(user, bytes, files, reserved, defaultBytes, defaultFiles)) {
      return;
    }
    rows.ensure(user);
    if (!rows.change(user, bytes, files, reserved, defaultBytes, defaultFiles)) {
      throw QuotaProblems.exceeded(usage(user), bytes + reserved, files);
    }
  }

  private static Optional<Long> limit(@Nullable Long stored, Optional<Long> fallback) {
    if (stored == null) {
      return fallback;
    }
    return stored < 0 ? Optional.empty() : Optional.of(stored);
  }

  /**
   * A quota refusal as someone other than the owner sees it (a file request's uploader): the same
   * status, without the owner's quota and usage. Any other exception is answered as it is.
   */
  public static ApiException withoutFigures(ApiException e) {
    if (!e.members().containsKey("quota")) {
      return e;
    }
    return new ApiException(
        HttpStatus.valueOf(e.status().value()),
        "There is no room for this file in the recipient's storage.",
        java.util.Map.of(),
        e.headers());
  }
}
