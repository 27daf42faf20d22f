package dev.fileshare.files;

import dev.fileshare.accounts.AccountService;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a file. A private file of someone else, not shared with the caller, does not
 * exist for them (404); a file shared with users, or with the caller by name, is seen by verified
 * users only; only the owner deletes, changes the visibility or shares; the owner and those with an
 * edit share replace the content and rename. A file in the trash does not exist for anyone here
 * (the trash has its own endpoints).
 */
@Component
class FileAccess {

  static final String NOT_OWNER = "You do not have permission to perform this action.";
  static final String CONFIRM =
      "Confirm your email address to see the files shared with signed-in users.";

  /** A file the caller may see, and the caller's share of it if there is one. */
  record Granted(FileRow row, Optional<SharePermission> share) {}

  private final FileRows rows;
  private final ShareRows shares;
  private final AccountService accounts;

  FileAccess(FileRows rows, ShareRows shares, AccountService accounts) {
    this.rows = rows;
    this.shares = shares;
    this.accounts = accounts;
  }

  boolean verified(AuthenticatedUser caller) {
    return accounts.isVerified(caller.userId());
  }

  /** The file, if the caller may see it, with the caller's share of it. */
  Granted granted(AuthenticatedUser caller, long id) {
    var row = rows.byId(id).orElseThrow(ApiException::notFound);
    if (row.ownedBy(caller.userId())) {
      return new Granted(row, Optional.empty());
    }
    var share = shares.withRecipient(id, caller.userId()).map(ShareRow::permissionValue);
    if (share.isEmpty() && row.visibilityValue() != Visibility.USERS) {
      throw ApiException.notFound();
    }
    if (!verified(caller)) {
      throw new ApiException(HttpStatus.FORBIDDEN, CONFIRM);
    }
    return new Granted(row, share);
  }

  /** The file, whoever asks, unless it does not exist or is in the trash. */
  Optional<FileRow> live(long id) {
    return rows.byId(id);
  }

  /** The file, if the caller may see it. */
  FileRow readable(AuthenticatedUser caller, long id) {
    return granted(caller, id).row();
  }

  /** The file, if the caller may see it and owns it. */
  FileRow owned(AuthenticatedUser caller, long id) {
    var row = readable(caller, id);
    if (!row.ownedBy(caller.userId())) {
      throw new ApiException(HttpStatus.FORBIDDEN, NOT_OWNER);
    }
    return row;
  }

  /** The file, if the caller owns it or has an edit share of it. */
  Granted editable(AuthenticatedUser caller, long id) {
    var granted = granted(caller, id);
    if (!granted.row().ownedBy(caller.userId())
        && granted.share().filter(SharePermission.EDIT::equals).isEmpty()) {
      throw new ApiException(HttpStatus.FORBIDDEN, NOT_OWNER);
    }
    return granted;
  }

  /** The file, if the caller may make these changes: who sees it only the owner changes. */
  Granted changeable(AuthenticatedUser caller, long id, FileChanges changes) {
    if (changes.visibility() != null) {
      return new Granted(owned(caller, id), Optional.empty());
    }
    return editable(caller, id);
  }

  /** Unverified users may not upload. */
  void mayUpload(AuthenticatedUser caller) {
    if (!verified(caller)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "Confirm your email address before uploading files.");
    }
  }
}
