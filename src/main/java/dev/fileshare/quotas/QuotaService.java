package dev.fileshare.quotas;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.UserId;
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
    var row = rows.byUser(user);
    if (row.isEmpty()) {
      return new Usage(0, 0, 0, settings.bytes(), settings.files());
    }
    var r = row.get();
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
   * Sets the user's quota; empty for the server's default, {@link Limit#NONE} for no limit. Not
   * checked against what they store: someone over a new quota may only remove until under it.
   */
  public void setQuota(UserId user, Limit bytes, Limit files) {
    rows.setQuota(user, bytes.stored(), files.stored());
  }

  /** A quota as set for one user. */
  public record Limit(Optional<Long> value, boolean unlimited) {
    public static final Limit DEFAULT = new Limit(Optional.empty(), false);
    public static final Limit NONE = new Limit(Optional.empty(), true);

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
      throw exceeded(usage(user), bytes + reserved, files);
    }
  }

  private static ApiException exceeded(Usage usage, long bytes, long files) {
    var overFiles =
        files > 0 && usage.quotaFiles().map(quota -> usage.files() + files > quota).orElse(false);
    var detail =
        overFiles
            ? "This would take you over your quota of "
                + usage.quotaFiles().orElseThrow()
                + " files: you have "
                + usage.files()
                + "."
            : "This would take you over your storage quota: "
                + usage.used()
                + " of "
                + usage.quotaBytes().orElse(0L)
                + " bytes are used, and this needs "
                + bytes
                + " more.";
    return new ApiException(
        HttpStatus.INSUFFICIENT_STORAGE,
        detail,
        Map.of(
            "quota", quotaMembers(usage),
            "usage", Map.of("bytes", usage.used(), "files", usage.files())),
        Map.of());
  }

  static Map<String, Object> quotaMembers(Usage usage) {
    var quota = new java.util.LinkedHashMap<String, Object>();
    quota.put("bytes", usage.quotaBytes().orElse(null));
    quota.put("files", usage.quotaFiles().orElse(null));
    return quota;
  }

  /** The refusal of an upload whose announced length is more than the user has left. */
  public ApiException refusal(UserId user, long bytes) {
    return exceeded(usage(user), bytes, 0);
  }

  private static Optional<Long> limit(@Nullable Long stored, Optional<Long> fallback) {
    if (stored == null) {
      return fallback;
    }
    return stored < 0 ? Optional.empty() : Optional.of(stored);
  }
}
