package dev.fileshare.files;

import dev.fileshare.shared.UserId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A row of the file_shares table: a share with an account, or an invitation to an address. */
record ShareRow(
    long id,
    long fileId,
    @Nullable Long recipientId,
    @Nullable String invitedEmail,
    String permission,
    long sharedBy,
    long createdAt,
    long updatedAt) {

  Optional<UserId> recipient() {
    return Optional.ofNullable(recipientId).map(UserId::new);
  }

  SharePermission permissionValue() {
    return SharePermission.parse(permission).orElse(SharePermission.READ);
  }
}
