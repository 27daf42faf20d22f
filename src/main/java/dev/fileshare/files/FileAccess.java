package dev.fileshare.files;

import dev.fileshare.accounts.AccountService;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a file. A private file of someone else does not exist for the caller (404);
 * a file shared with users is seen by verified users only; only the owner changes or deletes.
 */
@Component
class FileAccess {

  static final String NOT_OWNER = "You do not have permission to perform this action.";

  private final FileRows rows;
  private final AccountService accounts;

  FileAccess(FileRows rows, AccountService accounts) {
    this.rows = rows;
    this.accounts = accounts;
  }

  boolean verified(AuthenticatedUser caller) {
    return accounts.isVerified(caller.userId());
  }

  /** The file, if the caller may see it. */
  FileRow readable(AuthenticatedUser caller, long id) {
    var row = rows.byId(id).orElseThrow(ApiException::notFound);
    if (row.ownedBy(caller.userId())) {
      return row;
    }
    if (row.visibilityValue() != Visibility.USERS) {
      throw ApiException.notFound();
    }
    if (!verified(caller)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "Confirm your email address to see the files shared with signed-in users.");
    }
    return row;
  }

  /** The file, if the caller may see it and owns it. */
  FileRow owned(AuthenticatedUser caller, long id) {
    var row = readable(caller, id);
    if (!row.ownedBy(caller.userId())) {
      throw new ApiException(HttpStatus.FORBIDDEN, NOT_OWNER);
    }
    return row;
  }

  /** Unverified users may not upload. */
  void mayUpload(AuthenticatedUser caller) {
    if (!verified(caller)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "Confirm your email address before uploading files.");
    }
  }
}
